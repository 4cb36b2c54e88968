package org.clientclub.mail.internal.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientclub.mail.MailKind;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.db.RateCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Daily caps on the mails a stranger can make the club write, so the club cannot be used to flood one person, one
 * domain or everyone: per recipient (a {@code +tag} does not make a new recipient), per domain for rejection
 * replies, and a total. Counted in the caller's transaction, so a retried job counts once.
 */
@Component
@EnableConfigurationProperties(MailQuotaProperties.class)
public class RecipientQuota {

    private static final Logger log = LoggerFactory.getLogger(RecipientQuota.class);
    private static final Duration DAY = Duration.ofDays(1);

    private final RateCounters counters;
    private final MailQuotaProperties limits;

    public RecipientQuota(RateCounters counters, MailQuotaProperties limits) {
        this.counters = counters;
        this.limits = limits;
    }

    /** Counts one mail of the kind to the address. @return the quota it exceeds, empty when it may be written */
    public Optional<String> take(MailKind kind, EmailAddress to) {
        if (!kind.capped()) {
            return Optional.empty();
        }
        String recipient = recipientKey(to.value());
        List<RateCounters.Limit> caps = new ArrayList<>(2);
        caps.add(new RateCounters.Limit("mail:" + kind + ":" + recipient, perRecipient(kind)));
        if (kind == MailKind.REJECTION_REPLY) {
            caps.add(new RateCounters.Limit(
                    "mail-domain:" + kind + ":" + domain(recipient), limits.rejectionRepliesPerDomain()));
        }
        // One round trip for all of them; a limit exceeded leaves the ones after it, and the total, uncounted.
        RateCounters.Acquired acquired = counters.acquire(caps, "mail-total", DAY);
        if (!acquired.held()) {
            return Optional.of(acquired.exceeded() == 0 ? "recipient" : "domain");
        }
        if (acquired.shared() > limits.totalPerDay()) {
            // The first caller past the limit, on whichever node, counts 1 here: one line per day.
            if (counters.increment("mail-total-reached", DAY) == 1) {
                log.warn(
                        "Mail quota: the daily total of {} confirmation, guardian and rejection mails is reached; "
                                + "no more are written today (clientclub.mail.quota.total-per-day)",
                        limits.totalPerDay());
            }
            return Optional.of("total");
        }
        return Optional.empty();
    }

    private int perRecipient(MailKind kind) {
        return switch (kind) {
            case CONFIRMATION -> limits.confirmationsPerRecipient();
            case GUARDIAN_REQUEST -> limits.guardianRequestsPerRecipient();
            case REJECTION_REPLY -> limits.rejectionRepliesPerRecipient();
            default -> throw new IllegalArgumentException(kind + " is not capped");
        };
    }

    /** The mailbox an address delivers to: {@code anna+1@example.org} and {@code anna@example.org} are one. */
    static String recipientKey(String email) {
        int at = email.lastIndexOf('@');
        String local = email.substring(0, at);
        int plus = local.indexOf('+');
        return (plus > 0 ? local.substring(0, plus) : local)
                + email.substring(at).toLowerCase(Locale.ROOT);
    }

    private static String domain(String recipient) {
        return recipient.substring(recipient.lastIndexOf('@') + 1);
    }
}
