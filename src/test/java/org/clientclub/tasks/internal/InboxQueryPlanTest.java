package org.clientclub.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.clientclub.support.InboxSeed;
import org.clientclub.tasks.InboxCursor;
import org.clientclub.tasks.InboxFilter;
import org.clientclub.tasks.InboxFilter.Scope;
import org.clientclub.tasks.InboxFilter.Sort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The inbox's statements run along our indexes: the engine's own create script, then our index migration, then
 * enough open tasks and ANALYZE for the planner to choose as it would in a large club. A change in the engine's
 * schema, or in our statements, that leaves an index behind fails here (docs/decisions/0034). The engine's own
 * scripts, its last upgrade and its drop, still run with our indexes in place.
 */
class InboxQueryPlanTest {

    private static final String ENGINE_SCRIPTS = "org/camunda/bpm/engine/db/";
    private static final int TASKS = 60_000;

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static InboxQuery query;
    private static final InboxQuery.Viewer VIEWER = new InboxQuery.Viewer("staff-7", List.of("GROUP_3"));

    @BeforeAll
    static void aLargeInbox() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        query = new InboxQuery(jdbc);
        run(ENGINE_SCRIPTS + "create/activiti.postgres.create.engine.sql");
        run("db/engine-indexes/V32__tasks_inbox_indexes.sql");
        seed();
    }

    private static void seed() throws SQLException {
        InboxSeed.load(dataSource, seedDefinition(), "Seed", 1, TASKS);
        jdbc.sql(
                        "UPDATE act_ru_task SET name_ = 'Вернуть карту: Чайковская' WHERE id_ IN ('seed-task-11', 'seed-task-12')")
                .update();
        jdbc.sql("ANALYZE").update();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void theFirstAndTheNextPageOfEverySortReadTheirIndex(Sort sort) {
        String index = switch (sort) {
            case DUE -> "tasks_inbox_due";
            case PRIORITY -> "tasks_inbox_priority";
            case CREATED -> "tasks_inbox_created";
        };
        InboxFilter filter = new InboxFilter(Scope.ALL, null, null, sort);
        assertThat(plan(filter, null))
                .contains(index)
                .contains("Nested Loop Semi Join")
                .contains("act_idx_tskass_task")
                .contains("tasks_inbox_assignee_")
                .doesNotContain("Seq Scan on act_ru_task")
                .doesNotContain("hashed SubPlan")
                .doesNotContain("Hash Semi Join");
        InboxCursor after = new InboxCursor(
                "seed-task-500", Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"), 50);
        assertThat(plan(filter, after)).contains(index).doesNotContain("Seq Scan on act_ru_task");
        assertThat(plan(new InboxFilter(Scope.UNASSIGNED, null, null, sort), null))
                .contains(index);
        assertThat(plan(new InboxFilter(Scope.MINE, null, null, sort), null)).contains("tasks_inbox_assignee_");
    }

    @Test
    void aSearchByBusinessKeyOrARareNameReadsTheTrigramIndexes() {
        assertThat(plan(new InboxFilter(Scope.ALL, null, "application-4242", Sort.DUE), null))
                .contains("tasks_inbox_business_key_trgm")
                .doesNotContain("Seq Scan on act_ru_task")
                .doesNotContain("Seq Scan on act_ru_execution");
        assertThat(plan(new InboxFilter(Scope.ALL, null, "чайковск", Sort.CREATED), null))
                .contains("tasks_inbox_name_trgm")
                .doesNotContain("Seq Scan on act_ru_task");
    }

    @Test
    void theEngineScriptsStillRunWithOurIndexesInPlace() throws SQLException {
        // The last upgrade script, then the drop scripts and a fresh create: none trips over our objects.
        jdbc.sql("DELETE FROM act_ge_schema_log WHERE id_ = '1300'").update();
        run(ENGINE_SCRIPTS + "upgrade/postgres_engine_7.23_to_7.24.sql");
        run(ENGINE_SCRIPTS + "drop/activiti.postgres.drop.engine.sql");
        assertThat(indexes()).isEmpty();
        run(ENGINE_SCRIPTS + "create/activiti.postgres.create.engine.sql");
        run("db/engine-indexes/V32__tasks_inbox_indexes.sql");
        assertThat(indexes()).hasSize(8);
        // Leave the seeded schema for the other tests of this class, whatever the order.
        seed();
    }

    private static String seedDefinition() {
        jdbc.sql("INSERT INTO act_re_procdef (id_, rev_, key_, name_, version_, suspension_state_)"
                        + " VALUES ('Seed:1:1', 1, 'Seed', 'Seed', 1, 1) ON CONFLICT DO NOTHING")
                .update();
        return "Seed:1:1";
    }

    private static List<String> indexes() {
        return jdbc.sql("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'tasks_inbox_%'")
                .query(String.class)
                .list();
    }

    private static String plan(InboxFilter filter, InboxCursor after) {
        InboxQuery.Statement statement = query.statement(VIEWER, filter, after, 0, 50);
        Map<String, Object> params = statement.params();
        String plan = String.join(
                "\n",
                jdbc.sql("EXPLAIN " + statement.sql())
                        .params(params)
                        .query(String.class)
                        .list());
        return plan;
    }

    private static void run(String script) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource(script));
        }
    }
}
