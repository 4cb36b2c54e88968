package org.clientclub.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.clientclub.workflow.EngineFigureHistory;
import org.clientclub.workflow.EngineHours;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents opened per hour from the engine's history ({@code ACT_HI_INCIDENT}, history level full, through its
 * {@code ACT_IDX_HI_INCIDENT_CREATE_TIME} index: read, never written), the backlog from {@code workflow_figure_sample}
 * (its key is the time). Camunda writes {@code CREATE_TIME_} as a timestamp without zone in the JVM's zone, which is
 * the zone the driver gives the session, so comparing it with a zoned instant is right.
 */
@Service
class EngineFigureQueries implements EngineFigureHistory {

    private static final String HOUR = "floor(extract(epoch FROM %s - ?) / 3600)::int";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;

    EngineFigureQueries(JdbcTemplate jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    @Override
    @Transactional(readOnly = true)
    public EngineHours hourly(Instant from, int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be 1 to " + MAX_HOURS + ": " + hours);
        }
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(from.plus(Duration.ofHours(hours)), ZoneOffset.UTC);
        long[] opened = new long[hours];
        jdbc.query(
                "SELECT " + HOUR.formatted("create_time_") + ", count(*) FROM act_hi_incident"
                        + " WHERE create_time_ >= ? AND create_time_ < ? GROUP BY 1",
                rs -> {
                    opened[rs.getInt(1)] = rs.getLong(2);
                },
                start,
                start,
                end);
        @Nullable Long[] due = new Long[hours];
        @Nullable Long[] failed = new Long[hours];
        jdbc.query(
                "SELECT " + HOUR.formatted("sampled_at") + ", max(due_jobs), max(failed_jobs)"
                        + " FROM workflow_figure_sample WHERE sampled_at >= ? AND sampled_at < ? GROUP BY 1",
                rs -> {
                    due[rs.getInt(1)] = rs.getLong(2);
                    failed[rs.getInt(1)] = rs.getLong(3);
                },
                start,
                start,
                end);
        List<Long> openedList = new ArrayList<>(hours);
        for (long n : opened) {
            openedList.add(n);
        }
        return new EngineHours(
                from,
                hours,
                openedList,
                runtime.createIncidentQuery().count(),
                Arrays.asList(due),
                Arrays.asList(failed));
    }
}
