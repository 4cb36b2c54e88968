package org.clientclub.workflow.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine in figures: {@code clientclub.engine.jobs.due} (jobs the executor may run now: due, retries left, not
 * suspended), {@code clientclub.engine.jobs.failed} (jobs without retries left), {@code clientclub.engine.incidents.open}
 * and {@code clientclub.engine.job.executor.active} (1 or 0, read live). The counts are refreshed by three count
 * queries per node every {@code clientclub.metrics.refresh-interval} and read from memory by the gauges and
 * {@link JobExecutorHealthIndicator}.
 */
@Component
public class EngineFigures {

    private static final Logger log = LoggerFactory.getLogger(EngineFigures.class);

    /** The counts at {@code at}. */
    record Snapshot(Instant at, long dueJobs, long failedJobs, long openIncidents) {}

    private final ManagementService management;
    private final RuntimeService runtime;
    private final ObjectProvider<JobExecutor> jobExecutor;
    private final Clock clock;
    private volatile @Nullable Snapshot latest;

    EngineFigures(
            ManagementService management,
            RuntimeService runtime,
            ObjectProvider<JobExecutor> jobExecutor,
            Clock clock,
            MeterRegistry registry) {
        this.management = management;
        this.runtime = runtime;
        this.jobExecutor = jobExecutor;
        this.clock = clock;
        Gauge.builder("clientclub.engine.jobs.due", this, f -> f.figure(Snapshot::dueJobs))
                .description("Jobs due now with retries left: the job executor's backlog")
                .register(registry);
        Gauge.builder("clientclub.engine.jobs.failed", this, f -> f.figure(Snapshot::failedJobs))
                .description("Jobs without retries left")
                .register(registry);
        Gauge.builder("clientclub.engine.incidents.open", this, f -> f.figure(Snapshot::openIncidents))
                .description("Open incidents")
                .register(registry);
        Gauge.builder("clientclub.engine.job.executor.active", this, f -> f.executorActive() ? 1 : 0)
                .description("Whether this node's job executor runs (1) or not (0)")
                .register(registry);
    }

    /** Whether this node's job executor is acquiring and running jobs. */
    boolean executorActive() {
        JobExecutor executor = jobExecutor.getIfAvailable();
        return executor != null && executor.isActive();
    }

    /** The latest counts, or null before the first refresh worked. */
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
            log.warn("Engine figures not refreshed: {}", e.toString());
        }
    }

    public void refresh() {
        Instant now = clock.instant();
        latest = new Snapshot(
                now,
                management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(),
                runtime.createIncidentQuery().count());
    }

    private double figure(ToDoubleFunction<Snapshot> value) {
        Snapshot snapshot = latest;
        return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
    }
}
