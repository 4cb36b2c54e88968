package org.clientclub.mail.internal.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The club mailbox reader's health, {@code imap} in /actuator/health: UP while its last look at the mailbox worked
 * and was recent, DOWN when the last one failed (with the error) or none worked for three poll intervals (two
 * minutes at least), UNKNOWN before its first look. A node whose reader is switched off
 * ({@code clientclub.mailbox.reader-enabled=false}, e.g. because another node reads the mailbox) is UP with
 * {@code reader: disabled}: nothing is wrong with it. It reports what the reader saw and never connects itself.
 */
@Component("imapHealthIndicator")
class ImapHealthIndicator implements HealthIndicator {

    private static final Duration MIN_SILENCE = Duration.ofMinutes(2);

    private final Supplier<ReaderStatus.Snapshot> reader;
    private final Duration silence;
    private final Clock clock;

    @Autowired
    ImapHealthIndicator(ClubMailboxReader reader, Clock clock) {
        this(reader::status, reader.pollInterval(), clock);
    }

    ImapHealthIndicator(Supplier<ReaderStatus.Snapshot> reader, Duration pollInterval, Clock clock) {
        this.reader = reader;
        Duration three = pollInterval.multipliedBy(3);
        this.silence = three.compareTo(MIN_SILENCE) < 0 ? MIN_SILENCE : three;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ReaderStatus.Snapshot status = reader.get();
        if (!status.enabled()) {
            return Health.up().withDetail("reader", "disabled").build();
        }
        Health.Builder health;
        Instant now = clock.instant();
        if (!status.running()) {
            health = Health.down().withDetail("reader", "stopped");
        } else if (status.failing()) {
            health = Health.down().withDetail("reader", "failing");
        } else if (status.lastSuccess() == null) {
            health = Health.unknown().withDetail("reader", "starting");
        } else if (status.lastSuccess().isBefore(now.minus(silence))) {
            health = Health.down().withDetail("reader", "silent");
        } else {
            health = Health.up().withDetail("reader", "reading");
        }
        if (status.lastSuccess() != null) {
            health.withDetail("lastSuccess", status.lastSuccess().toString());
        }
        if (status.lastErrorAt() != null) {
            health.withDetail("lastErrorAt", status.lastErrorAt().toString())
                    .withDetail("lastError", String.valueOf(status.lastError()));
        }
        return health.build();
    }
}
