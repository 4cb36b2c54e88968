package org.clientclub.loyalty.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.clientclub.loyalty.EntryKind;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.mail.Enqueued;
import org.clientclub.mail.MailService;
import org.clientclub.mail.OutgoingMail;
import org.clientclub.membership.MemberContacts;
import org.clientclub.membership.MemberId;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Points expire a configurable number of months after they were earned, unless spent; spending uses the oldest
 * points first. Runs over the club a page of members at a time ({@link MemberPages}). So what is due to expire is what was earned before the cut-off, less everything ever taken off
 * the account (redemptions, reversals, earlier expiries), and never more than the balance. Booked once per
 * member and day ({@code expire:<member>:<date>}); a member with points expiring within 30 days gets at most one
 * warning a month.
 */
@Component("loyaltyPointsExpiry")
public class PointsExpiry {

    static final int WARN_DAYS_BEFORE = 30;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final MailService mail;
    private final MemberContacts contacts;
    private final Clock clock;
    private final Period validity;
    private final MemberPages pages;

    public PointsExpiry(
            JdbcClient jdbc,
            Ledger ledger,
            MailService mail,
            MemberContacts contacts,
            Clock clock,
            @Value("${clientclub.loyalty.points-validity-months:24}") int validityMonths,
            MemberPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.ledger = ledger;
        this.mail = mail;
        this.contacts = contacts;
        this.clock = clock;
        this.validity = Period.ofMonths(validityMonths);
    }

    /** @return how many members lost points */
    public int expireDuePoints() {
        LocalDate today = LocalDate.now(clock.withZone(ClubTime.ZONE));
        return pages.forEachPage(true, members -> {
            List<long[]> due = dueBefore(today.minus(validity), members);
            for (long[] memberAndPoints : due) {
                ledger.book(
                        memberAndPoints[0],
                        EntryKind.EXPIRE,
                        -memberAndPoints[1],
                        SourceRef.expiry(memberAndPoints[0], today),
                        "expired",
                        null);
            }
            return due.size();
        });
    }

    /** @return how many members were warned */
    public int warnMembers() {
        LocalDate today = LocalDate.now(clock.withZone(ClubTime.ZONE));
        LocalDate expiresOn = today.plusDays(WARN_DAYS_BEFORE);
        return pages.forEachPage(true, members -> {
            int warned = 0;
            for (long[] memberAndPoints : dueBefore(expiresOn.minus(validity), members)) {
                long memberId = memberAndPoints[0];
                var contact = contacts.of(MemberId.of(memberId));
                if (contact.isEmpty()) {
                    continue;
                }
                boolean written = Enqueued.QUEUED
                        == mail.enqueue(OutgoingMail.transactional(
                                "expiry-warning:" + memberId + ":" + today.getYear() + "-" + today.getMonthValue(),
                                new EmailAddress(contact.get().email()),
                                Language.fromCode(contact.get().language()),
                                "points-expiry-warning",
                                Map.of(
                                        "name",
                                        contact.get().firstName(),
                                        "points",
                                        memberAndPoints[1],
                                        "expiresOn",
                                        expiresOn)));
                warned += written ? 1 : 0;
            }
            return warned;
        });
    }

    /** Members and the points of theirs that were earned before the cut-off and are not spent yet. */
    private List<long[]> dueBefore(LocalDate cutoff, List<Long> members) {
        Timestamp cutoffTime = Timestamp.from(cutoff.atStartOfDay(ClubTime.ZONE).toInstant());
        return jdbc.sql("""
                        SELECT a.member_id,
                               LEAST(a.balance, GREATEST(0,
                                   coalesce(sum(e.points) FILTER (WHERE e.points > 0 AND e.occurred_at < :cutoff), 0)
                                 + coalesce(sum(e.points) FILTER (WHERE e.points < 0), 0))) AS due
                          FROM loyalty_account a JOIN loyalty_ledger_entry e ON e.member_id = a.member_id
                         WHERE a.balance > 0 AND a.member_id IN (:members)
                         GROUP BY a.member_id, a.balance
                        HAVING LEAST(a.balance, GREATEST(0,
                                   coalesce(sum(e.points) FILTER (WHERE e.points > 0 AND e.occurred_at < :cutoff), 0)
                                 + coalesce(sum(e.points) FILTER (WHERE e.points < 0), 0))) > 0""")
                .param("cutoff", cutoffTime)
                .param("members", members)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }
}
