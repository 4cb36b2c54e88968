package org.clientclub.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes one row per {@code clientclub.metrics.sample-interval} (PT5M) into {@code workflow_figure_sample}: the job
 * backlog, which the engine's tables do not keep, for the operator's charts. Every node tries every minute; the
 * interval's start is the key and a second try, on this node or another, inserts nothing ({@code ON CONFLICT DO
 * NOTHING}). The same run deletes samples older than {@code clientclub.metrics.sample-retention} (P2D).
 */
@Component
class EngineFigureSampler {

    private static final Logger log = LoggerFactory.getLogger(EngineFigureSampler.class);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private final Duration interval;
    private final Duration retention;

    EngineFigureSampler(
            JdbcTemplate jdbc,
            ManagementService management,
            RuntimeService runtime,
            Clock clock,
            @Value("${clientclub.metrics.sample-interval:PT5M}") Duration interval,
            @Value("${clientclub.metrics.sample-retention:P2D}") Duration retention) {
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("clientclub.metrics.sample-interval must be at least a second");
        }
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
        this.interval = interval;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${clientclub.metrics.sample-attempt-every:PT1M}",
            initialDelayString = "${clientclub.metrics.initial-delay:PT5S}")
    void scheduledSample() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Engine figures not sampled: {}", e.toString());
        }
    }

    /** @return whether this call wrote the current interval's row (false: a node had written it already) */
    boolean sample() {
        Instant now = clock.instant();
        OffsetDateTime slot = OffsetDateTime.ofInstant(intervalStart(now), ZoneOffset.UTC);
        jdbc.update(
                "DELETE FROM workflow_figure_sample WHERE sampled_at < ?",
                OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC));
        Boolean taken = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM workflow_figure_sample WHERE sampled_at = ?)", Boolean.class, slot);
        if (Boolean.TRUE.equals(taken)) {
            return false; // the counts are not run again for an interval that has its row
        }
        long due = management.createJobQuery().executable().count();
        long failed = management.createJobQuery().noRetriesLeft().count();
        long incidents = runtime.createIncidentQuery().count();
        return jdbc.update("""
                        INSERT INTO workflow_figure_sample (sampled_at, due_jobs, failed_jobs, open_incidents)
                        VALUES (?, ?, ?, ?) ON CONFLICT (sampled_at) DO NOTHING""", slot, due, failed, incidents) == 1;
    }

    Instant intervalStart(Instant at) {
        long seconds = interval.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
}
