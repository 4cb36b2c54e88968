package org.clientclub.mail.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientclub.mail.MailKind;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.db.RateCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The daily caps on mails a stranger can make the club write: per recipient, per domain, in total. */
class MailQuotaTest {

    /** Counts as the database does, in a map: what is tested here is which keys are counted against what. */
    static final class CountersInMemory extends RateCounters {
        final Map<String, Integer> counts = new HashMap<>();

        CountersInMemory() {
            super(null, null);
        }

        @Override
        public int increment(String key, Duration window) {
            return counts.merge(key + "@" + window, 1, Integer::sum);
        }

        @Override
        public int incrementShared(String key, Duration window) {
            return increment(key, window);
        }

        @Override
        public boolean tryAcquire(String key, Duration window, int limit) {
            return increment(key, window) <= limit;
        }

        @Override
        public Acquired acquire(List<Limit> limits, String sharedKey, Duration window) {
            for (int i = 0; i < limits.size(); i++) {
                if (!tryAcquire(limits.get(i).key(), window, limits.get(i).max())) {
                    return new Acquired(i, 0);
                }
            }
            return new Acquired(-1, incrementShared(sharedKey, window));
        }
    }

    private final CountersInMemory counters = new CountersInMemory();
    private final RecipientQuota quota = new RecipientQuota(counters, new MailQuotaProperties(2, 1, 2, 3, 10));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(RecipientQuota.class)).addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(RecipientQuota.class)).detachAppender(logged);
    }

    @Test
    void oneRecipientGetsAtMostItsDailyConfirmations() {
        EmailAddress victim = new EmailAddress("victim@example.org");

        assertThat(quota.take(MailKind.CONFIRMATION, victim)).isEmpty();
        assertThat(quota.take(MailKind.CONFIRMATION, victim)).isEmpty();
        assertThat(quota.take(MailKind.CONFIRMATION, victim)).contains("recipient");
        assertThat(quota.take(MailKind.GUARDIAN_REQUEST, victim))
                .as("another kind counts apart")
                .isEmpty();
        assertThat(quota.take(MailKind.GUARDIAN_REQUEST, victim)).contains("recipient");
    }

    @Test
    void aPlusTagDoesNotMakeANewRecipient() {
        assertThat(quota.take(MailKind.CONFIRMATION, new EmailAddress("victim+1@example.org")))
                .isEmpty();
        assertThat(quota.take(MailKind.CONFIRMATION, new EmailAddress("victim+2@example.org")))
                .isEmpty();
        assertThat(quota.take(MailKind.CONFIRMATION, new EmailAddress("victim@example.org")))
                .contains("recipient");
    }

    @Test
    void rejectionRepliesAreCappedPerAddressAndPerDomain() {
        assertThat(quota.take(MailKind.REJECTION_REPLY, new EmailAddress("a@forged.example")))
                .isEmpty();
        assertThat(quota.take(MailKind.REJECTION_REPLY, new EmailAddress("a@forged.example")))
                .isEmpty();
        assertThat(quota.take(MailKind.REJECTION_REPLY, new EmailAddress("a@forged.example")))
                .contains("recipient");
        assertThat(quota.take(MailKind.REJECTION_REPLY, new EmailAddress("b@forged.example")))
                .isEmpty();
        assertThat(quota.take(MailKind.REJECTION_REPLY, new EmailAddress("c@forged.example")))
                .as("the domain's third reply, though c's first")
                .contains("domain");
        assertThat(quota.take(MailKind.REJECTION_REPLY, new EmailAddress("c@elsewhere.example")))
                .isEmpty();
    }

    @Test
    void theTotalIsCappedAndSaidOnceInTheLog() {
        for (int i = 0; i < 10; i++) {
            assertThat(quota.take(MailKind.CONFIRMATION, new EmailAddress("person" + i + "@example.org")))
                    .isEmpty();
        }

        assertThat(quota.take(MailKind.CONFIRMATION, new EmailAddress("person10@example.org")))
                .contains("total");
        assertThat(quota.take(MailKind.GUARDIAN_REQUEST, new EmailAddress("person11@example.org")))
                .contains("total");

        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("daily total of 10").contains("total-per-day");
        });
    }

    @Test
    void memberMailIsNotCapped() {
        EmailAddress member = new EmailAddress("member@example.org");
        for (int i = 0; i < 20; i++) {
            assertThat(quota.take(MailKind.TRANSACTIONAL, member)).isEmpty();
            assertThat(quota.take(MailKind.CLUB, member)).isEmpty();
        }
        assertThat(counters.counts).isEmpty();
        assertThat(quota.take(MailKind.CONFIRMATION, member)).isEqualTo(Optional.empty());
    }
}
