package org.clientclub.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.clientclub.workflow.EngineHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The backlog sampler writes one row per interval however often it runs and on however many nodes, forgets samples
 * after two days, and the hourly figures read the samples and the incident history by hour. Its clock stands in 2001,
 * where no other test writes.
 */
@SpringBootTest
@WithMockUser(roles = "ADMIN")
class EngineFigureSamplerTest {

    private static final Instant AT = Instant.parse("2001-03-04T05:07:30Z");

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    EngineFigureQueries figures;

    private final String incidentPrefix = "fig-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @AfterEach
    void removeTheSamplesAndIncidents() {
        jdbc.sql("DELETE FROM workflow_figure_sample WHERE sampled_at < :before")
                .param("before", Timestamp.from(Instant.parse("2002-01-01T00:00:00Z")))
                .update();
        jdbc.sql("DELETE FROM act_hi_incident WHERE id_ LIKE :prefix")
                .param("prefix", incidentPrefix + "%")
                .update();
    }

    @Test
    void writesOneRowPerIntervalWhenCalledTwiceOrByTwoNodes() {
        EngineFigureSampler node1 = sampler(AT);
        EngineFigureSampler node2 = sampler(AT.plusSeconds(60));

        assertThat(node1.sample()).isTrue();
        assertThat(node1.sample()).isFalse();
        assertThat(node2.sample()).isFalse();

        assertThat(samplesAt()).containsExactly(Instant.parse("2001-03-04T05:05:00Z"));

        assertThat(sampler(AT.plus(Duration.ofMinutes(3))).sample()).isTrue();
        assertThat(samplesAt())
                .containsExactly(Instant.parse("2001-03-04T05:05:00Z"), Instant.parse("2001-03-04T05:10:00Z"));
    }

    @Test
    void forgetsSamplesOlderThanTwoDays() {
        sampler(AT).sample();
        sampler(AT.plus(Duration.ofDays(1))).sample();

        sampler(AT.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(5))).sample();

        assertThat(samplesAt())
                .containsExactly(Instant.parse("2001-03-05T05:05:00Z"), Instant.parse("2001-03-06T05:10:00Z"));
    }

    @Test
    void theBacklogPerHourIsTheMostOfItsSamplesAndAGapWithoutOne() {
        Instant from = Instant.parse("2001-03-04T05:00:00Z");
        sample(from.plus(Duration.ofMinutes(5)), 3, 0);
        sample(from.plus(Duration.ofMinutes(10)), 7, 1);
        sample(from.plus(Duration.ofMinutes(125)), 2, 2);

        EngineHours hours = figures.hourly(from, 3);

        assertThat(hours.dueJobs()).isEqualTo(Arrays.asList(7L, null, 2L));
        assertThat(hours.failedJobs()).isEqualTo(Arrays.asList(1L, null, 2L));
    }

    @Test
    void incidentsCountInTheHourTheyWereOpenedResolvedOrNot() {
        Instant from = Instant.parse("2001-03-04T05:00:00Z");
        incident(from.plus(Duration.ofMinutes(1)), 1);
        incident(from.plus(Duration.ofMinutes(65)), 1);
        incident(from.plus(Duration.ofMinutes(66)), 2); // resolved since
        incident(from.minusSeconds(1), 1); // before the window

        EngineHours hours = figures.hourly(from, 3);

        assertThat(hours.incidentsOpened()).containsExactly(1L, 2L, 0L);
        assertThat(hours.incidentsOpenNow())
                .isEqualTo(runtime.createIncidentQuery().count());
    }

    @Test
    void aSampleHoldsTheEngineCountsOfItsTime() {
        sampler(AT).sample();

        var row = jdbc.sql(
                        "SELECT due_jobs, failed_jobs, open_incidents FROM workflow_figure_sample WHERE sampled_at = :at")
                .param("at", Timestamp.from(Instant.parse("2001-03-04T05:05:00Z")))
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
        assertThat(row)
                .containsExactly(
                        management.createJobQuery().executable().count(),
                        management.createJobQuery().noRetriesLeft().count(),
                        runtime.createIncidentQuery().count());
    }

    private EngineFigureSampler sampler(Instant at) {
        return new EngineFigureSampler(
                jdbcTemplate,
                management,
                runtime,
                Clock.fixed(at, ZoneOffset.UTC),
                Duration.ofMinutes(5),
                Duration.ofDays(2));
    }

    private List<Instant> samplesAt() {
        return jdbc
                .sql("SELECT sampled_at FROM workflow_figure_sample WHERE sampled_at < :before ORDER BY 1")
                .param("before", Timestamp.from(Instant.parse("2002-01-01T00:00:00Z")))
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    private void sample(Instant at, long due, long failed) {
        jdbc.sql("""
                        INSERT INTO workflow_figure_sample (sampled_at, due_jobs, failed_jobs, open_incidents)
                        VALUES (:at, :due, :failed, 0)""")
                .param("at", Timestamp.from(at))
                .param("due", due)
                .param("failed", failed)
                .update();
    }

    /** A row as Camunda writes it: CREATE_TIME_ without zone, in the JVM's zone. */
    private void incident(Instant created, int state) {
        jdbc.sql("""
                        INSERT INTO act_hi_incident (id_, create_time_, incident_type_, incident_state_)
                        VALUES (:id, :created, 'failedJob', :state)""")
                .param("id", incidentPrefix + UUID.randomUUID())
                .param("created", LocalDateTime.ofInstant(created, ZoneId.systemDefault()))
                .param("state", state)
                .update();
    }
}
