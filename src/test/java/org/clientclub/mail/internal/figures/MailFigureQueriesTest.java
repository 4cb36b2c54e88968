package org.clientclub.mail.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.MailHours;
import org.clientclub.mail.OutboxStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail counted per hour from the tables' own timestamps: each row in the hour it was written or received, by its
 * status or outcome, zeros for the rest, nothing from before or after the window. The window lies in 2001, where no
 * other test writes.
 */
@SpringBootTest
@WithMockUser(roles = "ADMIN")
class MailFigureQueriesTest {

    private static final Instant FROM = Instant.parse("2001-03-04T05:00:00Z");

    @Autowired
    MailFigureQueries figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final String tag = "hourly-test:" + UUID.randomUUID() + ":";

    @AfterEach
    void removeTheRows() {
        jdbc.sql("DELETE FROM mail_outbox WHERE idempotency_key LIKE :tag")
                .param("tag", tag + "%")
                .update();
        jdbc.sql("DELETE FROM mail_inbound WHERE dedupe_key LIKE :tag")
                .param("tag", tag + "%")
                .update();
    }

    @Test
    void countsEachMailInTheHourItWasWrittenByWhereItStandsNow() {
        outbox(OutboxStatus.SENT, FROM.plusSeconds(1));
        outbox(OutboxStatus.SENT, FROM.plus(Duration.ofMinutes(59)));
        outbox(OutboxStatus.FAILED, FROM.plus(Duration.ofMinutes(60)));
        outbox(OutboxStatus.PENDING, FROM.plus(Duration.ofHours(2)).plusSeconds(30));
        outbox(OutboxStatus.SENT, FROM.minusSeconds(1)); // before the window
        outbox(OutboxStatus.SENT, FROM.plus(Duration.ofHours(3))); // the first instant after it

        MailHours hours = figures.hourly(FROM, 3);

        assertThat(hours.outbox().get(OutboxStatus.SENT)).containsExactly(2L, 0L, 0L);
        assertThat(hours.outbox().get(OutboxStatus.FAILED)).containsExactly(0L, 1L, 0L);
        assertThat(hours.outbox().get(OutboxStatus.PENDING)).containsExactly(0L, 0L, 1L);
        assertThat(hours.outbox().get(OutboxStatus.SUPPRESSED)).containsExactly(0L, 0L, 0L);
        assertThat(hours.inbound()).hasSize(InboundOutcome.values().length);
        assertThat(hours.isEmpty()).isFalse();
    }

    @Test
    void countsEachInboundMailInTheHourItWasReceivedByOutcome() {
        inbound(InboundOutcome.HANDLED, FROM.plus(Duration.ofMinutes(10)));
        inbound(InboundOutcome.NEEDS_PERSON, FROM.plus(Duration.ofMinutes(70)));
        inbound(InboundOutcome.NEEDS_PERSON, FROM.plus(Duration.ofMinutes(80)));
        inbound(InboundOutcome.FAILED, FROM.plus(Duration.ofMinutes(130)));

        MailHours hours = figures.hourly(FROM, 3);

        assertThat(hours.inbound().get(InboundOutcome.HANDLED)).containsExactly(1L, 0L, 0L);
        assertThat(hours.inbound().get(InboundOutcome.NEEDS_PERSON)).containsExactly(0L, 2L, 0L);
        assertThat(hours.inbound().get(InboundOutcome.FAILED)).containsExactly(0L, 0L, 1L);
        assertThat(hours.inbound().get(InboundOutcome.RECEIVED)).containsExactly(0L, 0L, 0L);
    }

    @Test
    void aWindowWithoutMailIsEmptyWithAZeroForEveryHour() {
        MailHours hours = figures.hourly(FROM.minus(Duration.ofDays(30)), 24);

        assertThat(hours.isEmpty()).isTrue();
        assertThat(hours.outbox().get(OutboxStatus.SENT)).isEqualTo(Collections.nCopies(24, 0L));
        assertThat(hours.inbound().get(InboundOutcome.ANSWERED)).hasSize(24);
    }

    @Test
    void refusesAWindowLongerThanTwoDays() {
        assertThatThrownBy(() -> figures.hourly(FROM, 49)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> figures.hourly(FROM, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(roles = "CLUB_MANAGER")
    void onlyAdministratorsMayReadTheFigures() {
        assertThatThrownBy(() -> figures.hourly(FROM, 3)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theQueriesReadTheTimeIndexesNotTheWholeTable() {
        for (String query : List.of(
                "SELECT status, count(*) FROM mail_outbox WHERE created_at >= now() - interval '1 day'"
                        + " AND created_at < now() GROUP BY 1",
                "SELECT outcome, count(*) FROM mail_inbound WHERE received_at >= now() - interval '1 day'"
                        + " AND received_at < now() GROUP BY 1")) {
            // On a small table the planner scans it whole anyway; with that forbidden (in this transaction only),
            // the plan shows whether an index can serve the window.
            String plan = transactions.execute(status -> {
                jdbc.sql("SELECT set_config('enable_seqscan', 'off', true)")
                        .query(String.class)
                        .single();
                return String.join(
                        "\n", jdbc.sql("EXPLAIN " + query).query(String.class).list());
            });
            assertThat(plan).as(query).containsPattern("Index|Bitmap").doesNotContain("Seq Scan");
        }
    }

    private void outbox(OutboxStatus status, Instant createdAt) {
        String key = tag + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html,
                                                 body_text, message_id, status, next_attempt_at, created_at)
                        VALUES (:key, 'hourly@example.org', 'ru', 'test', 'TRANSACTIONAL', 'Проверка', '', '',
                                :mid, :status, :next, :created)""")
                .param("key", key)
                .param("mid", "<" + UUID.randomUUID() + "@clientclub.local>")
                .param("status", status.name())
                .param("next", Timestamp.from(Instant.now().plus(Duration.ofDays(365))))
                .param("created", Timestamp.from(createdAt))
                .update();
    }

    private void inbound(InboundOutcome outcome, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO mail_inbound (dedupe_key, received_at, size, raw, outcome)
                        VALUES (:key, :received, 1, :raw, :outcome)""")
                .param("key", tag + UUID.randomUUID())
                .param("received", Timestamp.from(receivedAt))
                .param("raw", new byte[] {'x'})
                .param("outcome", outcome.name())
                .update();
    }
}
