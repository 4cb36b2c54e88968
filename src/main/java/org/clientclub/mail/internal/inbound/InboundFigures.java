package org.clientclub.mail.internal.inbound;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.clientclub.mail.InboundOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What became of the mail that reached the club mailbox in the last 24 hours, by outcome: the gauge
 * {@code clientclub.mail.inbound.last.day} with the tag {@code outcome}. Refreshed by one query per node (through the
 * received_at index) every {@code clientclub.metrics.refresh-interval}; a scrape reads memory only.
 */
@Component
public class InboundFigures {

    private static final Logger log = LoggerFactory.getLogger(InboundFigures.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile @Nullable Map<InboundOutcome, Long> lastDay;

    InboundFigures(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (InboundOutcome outcome : InboundOutcome.values()) {
            Gauge.builder("clientclub.mail.inbound.last.day", this, f -> f.count(outcome))
                    .description("Mails to the club mailbox received in the last 24 hours, by what became of them")
                    .tag("outcome", outcome.name())
                    .register(registry);
        }
    }

    @Scheduled(
            fixedDelayString = "${clientclub.metrics.refresh-interval:PT30S}",
            initialDelayString = "${clientclub.metrics.initial-delay:PT5S}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Inbound mail figures not refreshed: {}", e.toString());
        }
    }

    public void refresh() {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        Map<InboundOutcome, Long> counts = new EnumMap<>(InboundOutcome.class);
        jdbc.query(
                "SELECT outcome, count(*) FROM mail_inbound WHERE received_at >= ? GROUP BY outcome",
                rs -> {
                    counts.put(InboundOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                },
                Timestamp.from(since));
        lastDay = counts;
    }

    private double count(InboundOutcome outcome) {
        Map<InboundOutcome, Long> counts = lastDay;
        return counts == null ? Double.NaN : counts.getOrDefault(outcome, 0L);
    }
}
