package org.clientclub.mail.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's gauges and health come from figures read on a schedule, not from a query per scrape, and a mail that
 * has waited past the threshold makes the outbox DOWN.
 */
@SpringBootTest
class OutboxFiguresTest {

    @Autowired
    OutboxFigures figures;

    @Autowired
    OutboxHealthIndicator health;

    @Autowired
    SmtpOutage outage;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private final String key = "figures-test:" + UUID.randomUUID();

    @AfterEach
    void removeTheWaitingMail() {
        jdbc.sql("DELETE FROM mail_outbox WHERE idempotency_key = :key")
                .param("key", key)
                .update();
    }

    @Test
    void aMailWaitingLongerThanTheThresholdMakesTheOutboxDownOnceTheFiguresAreRead() {
        figures.refresh();
        double pendingBefore = gauge("clientclub.mail.outbox.pending");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        // Written an hour ago and not due before tomorrow, so the sender leaves it waiting.
        Instant now = Instant.now();
        waitingMail(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));

        // A scrape between two refreshes reads memory: the new row shows only after the next refresh.
        assertThat(gauge("clientclub.mail.outbox.pending")).isEqualTo(pendingBefore);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        figures.refresh();

        assertThat(gauge("clientclub.mail.outbox.pending")).isEqualTo(pendingBefore + 1);
        assertThat(gauge("clientclub.mail.outbox.overdue")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("clientclub.mail.outbox.oldest.pending")).isGreaterThanOrEqualTo(3500);
        assertThat(registry.get("clientclub.mail.outbox.last.day")
                        .tag("status", "PENDING")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
        var down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("overdueAfter", "PT15M");
    }

    @Test
    void aMailWaitingLessThanTheThresholdKeepsTheOutboxUp() {
        Instant now = Instant.now();
        waitingMail(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)));

        figures.refresh();

        assertThat(gauge("clientclub.mail.outbox.pending")).isGreaterThanOrEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anSmtpServerTheSenderCannotReachMakesTheOutboxDownUntilItConnectsAgain() {
        figures.refresh();
        Instant failedAt = Instant.now();
        try {
            outage.connectionFailed(failedAt, "Connection refused");

            var down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails())
                    .containsEntry("smtpUnreachableSince", failedAt.toString())
                    .containsEntry("smtpLastError", "Connection refused");
        } finally {
            outage.connected();
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private void waitingMail(Instant createdAt, Instant nextAttemptAt) {
        jdbc.sql("""
                        INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html,
                                                 body_text, message_id, status, next_attempt_at, created_at)
                        VALUES (:key, 'figures@example.org', 'ru', 'test', 'TRANSACTIONAL', 'Проверка', '<p>x</p>', 'x',
                                :mid, 'PENDING', :next, :created)""")
                .param("key", key)
                .param("mid", "<" + UUID.randomUUID() + "@clientclub.local>")
                .param("next", Timestamp.from(nextAttemptAt))
                .param("created", Timestamp.from(createdAt))
                .update();
    }
}
