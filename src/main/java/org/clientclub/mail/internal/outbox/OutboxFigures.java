package org.clientclub.mail.internal.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.clientclub.mail.OutboxStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox in figures, refreshed by two indexed queries per node every {@code clientclub.metrics.refresh-interval}
 * (30 s) and read from memory by the gauges and {@link OutboxHealthIndicator}, so neither a scrape nor a health check
 * queries the database. The gauges: {@code clientclub.mail.outbox.pending} (waiting now),
 * {@code clientclub.mail.outbox.overdue} (waiting longer than {@code clientclub.health.outbox-overdue-after}),
 * {@code clientclub.mail.outbox.oldest.pending} (seconds) and {@code clientclub.mail.outbox.last.day} by
 * {@code status} (mails written in the last 24 hours, by where they stand now).
 */
@Component
public class OutboxFigures {

    private static final Logger log = LoggerFactory.getLogger(OutboxFigures.class);

    /** The figures at {@code at}; {@code oldestPending} is null when nothing waits. */
    record Snapshot(
            Instant at,
            long pending,
            long overdue,
            @Nullable Instant oldestPending,
            Map<OutboxStatus, Long> lastDay) {

        double oldestPendingSeconds() {
            return oldestPending == null
                    ? 0
                    : Math.max(0, Duration.between(oldestPending, at).toMillis() / 1000.0);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration overdueAfter;
    private volatile @Nullable Snapshot latest;

    OutboxFigures(
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry registry,
            @Value("${clientclub.health.outbox-overdue-after:PT15M}") Duration overdueAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
        Gauge.builder("clientclub.mail.outbox.pending", this, f -> f.figure(Snapshot::pending))
                .description("Mails waiting in the outbox")
                .register(registry);
        Gauge.builder("clientclub.mail.outbox.overdue", this, f -> f.figure(Snapshot::overdue))
                .description("Mails waiting in the outbox longer than clientclub.health.outbox-overdue-after")
                .register(registry);
        Gauge.builder("clientclub.mail.outbox.oldest.pending", this, f -> f.figure(Snapshot::oldestPendingSeconds))
                .description("Age of the oldest mail waiting in the outbox")
                .baseUnit("seconds")
                .register(registry);
        for (OutboxStatus status : OutboxStatus.values()) {
            Gauge.builder(
                            "clientclub.mail.outbox.last.day",
                            this,
                            f -> f.figure(s -> s.lastDay().getOrDefault(status, 0L)))
                    .description("Mails written in the last 24 hours, by where they stand now")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    /** Overdue: written longer ago than this and still waiting. */
    Duration overdueAfter() {
        return overdueAfter;
    }

    /** The latest figures, or null before the first refresh worked. */
    @Nullable
    Snapshot latest() {
        return latest;
    }

    @Scheduled(
            fixedDelayString = "${clientclub.metrics.refresh-interval:PT30S}",
            initialDelayString = "${clientclub.metrics.initial-delay:PT5S}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The figures stay as they were; their age shows in the health (and the database's own health is DOWN).
            log.warn("Outbox figures not refreshed: {}", e.toString());
        }
    }

    /** Reads the figures now (the pending rows through the partial due index, the last day through created_at). */
    public void refresh() {
        Instant now = clock.instant();
        Map<OutboxStatus, Long> lastDay = lastDay(now);
        Snapshot snapshot = jdbc.queryForObject(
                """
                SELECT count(*) AS pending, count(*) FILTER (WHERE created_at < ?) AS overdue,
                       min(created_at) AS oldest
                  FROM mail_outbox WHERE status = 'PENDING'""",
                (rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Snapshot(
                            now,
                            rs.getLong("pending"),
                            rs.getLong("overdue"),
                            oldest == null ? null : oldest.toInstant(),
                            lastDay);
                },
                Timestamp.from(now.minus(overdueAfter)));
        latest = snapshot;
    }

    private Map<OutboxStatus, Long> lastDay(Instant now) {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        jdbc.query(
                "SELECT status, count(*) FROM mail_outbox WHERE created_at >= ? GROUP BY status",
                rs -> {
                    counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
                },
                Timestamp.from(now.minus(Duration.ofDays(1))));
        return counts;
    }

    private double figure(ToDoubleFunction<Snapshot> value) {
        Snapshot snapshot = latest;
        return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
    }
}
