package org.clientclub.loyalty.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.clientclub.mail.Enqueued;
import org.clientclub.mail.MailKind;
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
 * The monthly points statement: members whose points moved last month get what they earned, what they spent or
 * lost, and their balance. Club mail, so an unsubscribe stops it; once per member and month.
 */
@Component
public class MonthlyStatements {

    private final JdbcClient jdbc;
    private final MailService mail;
    private final MemberContacts contacts;
    private final Clock clock;
    private final boolean enabled;
    private final MemberPages pages;

    public MonthlyStatements(
            JdbcClient jdbc,
            MailService mail,
            MemberContacts contacts,
            Clock clock,
            @Value("${clientclub.loyalty.monthly-statement:true}") boolean enabled,
            MemberPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.mail = mail;
        this.contacts = contacts;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Statements for the month before today, a page of members at a time. @return how many were written */
    public int sendForLastMonth() {
        if (!enabled) {
            return 0;
        }
        YearMonth month =
                YearMonth.from(LocalDate.now(clock.withZone(ClubTime.ZONE))).minusMonths(1);
        Timestamp from =
                Timestamp.from(month.atDay(1).atStartOfDay(ClubTime.ZONE).toInstant());
        Timestamp to = Timestamp.from(
                month.plusMonths(1).atDay(1).atStartOfDay(ClubTime.ZONE).toInstant());
        return pages.forEachPage(false, members -> {
            int written = 0;
            for (long[] row : jdbc.sql("""
                            SELECT e.member_id,
                                   coalesce(sum(e.points) FILTER (WHERE e.points > 0), 0),
                                   coalesce(-sum(e.points) FILTER (WHERE e.points < 0), 0),
                                   a.balance
                              FROM loyalty_ledger_entry e JOIN loyalty_account a ON a.member_id = e.member_id
                             WHERE e.member_id IN (:members) AND e.occurred_at >= :from AND e.occurred_at < :to
                             GROUP BY e.member_id, a.balance""")
                    .param("members", members)
                    .param("from", from)
                    .param("to", to)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .list()) {
                var contact = contacts.of(MemberId.of(row[0]));
                if (contact.isEmpty()) {
                    continue;
                }
                boolean sent = Enqueued.QUEUED
                        == mail.enqueue(new OutgoingMail(
                                "statement:" + row[0] + ":" + month,
                                new EmailAddress(contact.get().email()),
                                Language.fromCode(contact.get().language()),
                                "monthly-statement",
                                Map.of(
                                        "name",
                                        contact.get().firstName(),
                                        "month",
                                        month.toString(),
                                        "earned",
                                        row[1],
                                        "spent",
                                        row[2],
                                        "balance",
                                        row[3]),
                                MailKind.CLUB));
                written += sent ? 1 : 0;
            }
            return written;
        });
    }
}
