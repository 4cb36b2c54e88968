package org.clientclub.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The engine's job executor, {@code jobExecutor} in /actuator/health (in place of the Camunda starter's, which
 * {@code management.health.camunda.enabled=false} switches off): DOWN when this node's executor is not running while
 * {@code camunda.bpm.job-execution.enabled} says it should, or when more than {@code clientclub.health.job-backlog-limit}
 * jobs are due at once; UP otherwise, with the due and failed jobs and open incidents from {@link EngineFigures}.
 * Failed jobs and incidents do not make it DOWN: they wait for a person, and the executor is fine.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator implements HealthIndicator {

    private final EngineFigures figures;
    private final Clock clock;
    private final boolean executionEnabled;
    private final long backlogLimit;
    private final Duration stale;

    JobExecutorHealthIndicator(
            EngineFigures figures,
            Clock clock,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean executionEnabled,
            @Value("${clientclub.health.job-backlog-limit:10000}") long backlogLimit,
            @Value("${clientclub.metrics.refresh-interval:PT30S}") Duration refreshInterval) {
        this.figures = figures;
        this.clock = clock;
        this.executionEnabled = executionEnabled;
        this.backlogLimit = backlogLimit;
        this.stale = refreshInterval.multipliedBy(3);
    }

    @Override
    public Health health() {
        boolean active = figures.executorActive();
        Health.Builder health;
        if (executionEnabled && !active) {
            health = Health.down();
        } else {
            health = Health.up();
        }
        health.withDetail("active", active).withDetail("backlogLimit", backlogLimit);
        EngineFigures.Snapshot latest = figures.latest();
        if (latest == null) {
            return health.withDetail("figures", "not read yet").build();
        }
        if (latest.dueJobs() > backlogLimit) {
            health.down();
        }
        if (latest.at().isBefore(clock.instant().minus(stale))) {
            health.withDetail("figures", "stale");
        }
        return health.withDetail("dueJobs", latest.dueJobs())
                .withDetail("failedJobs", latest.failedJobs())
                .withDetail("openIncidents", latest.openIncidents())
                .withDetail("figuresAt", latest.at().toString())
                .build();
    }
}
