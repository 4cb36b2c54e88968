package org.clientclub.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.clientclub.support.InboxSeed;
import org.clientclub.support.SqlScript;
import org.clientclub.tasks.InboxCursor;
import org.clientclub.tasks.InboxFilter;
import org.clientclub.tasks.InboxFilter.Scope;
import org.clientclub.tasks.InboxFilter.Sort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The inbox's statements run along our indexes: the engine's own create script, then our index migrations, then
 * enough open tasks and ANALYZE for the planner to choose as it would in a large club, on a connection set up as the
 * application's are (its {@code connection-init-sql}). A change in the engine's schema, or in our statements, that
 * leaves an index behind fails here (docs/decisions/0034, 0039). The engine's own scripts, its last upgrade and its
 * drop, still run with our indexes and triggers in place.
 */
class InboxQueryPlanTest {

    private static final String ENGINE_SCRIPTS = "org/camunda/bpm/engine/db/";
    private static final int TASKS = 200_000;
    private static final List<String> OUR_SCRIPTS =
            List.of("db/engine-indexes/V32__tasks_inbox_indexes.sql", "db/engine-indexes/V33__tasks_inbox_search.sql");

    private static EmbeddedPostgres postgres;
    private static Connection connection;
    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static InboxQuery query;
    private static final InboxQuery.Viewer VIEWER = new InboxQuery.Viewer("staff-7", List.of("GROUP_3"));

    @BeforeAll
    static void aLargeInbox() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        connection = postgres.getPostgresDatabase().getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute(applicationConnectionSetup());
        }
        dataSource = new SingleConnectionDataSource(connection, true);
        jdbc = JdbcClient.create(dataSource);
        query = new InboxQuery(jdbc);
        createEngineSchemaAndOurs(dataSource);
        seed();
    }

    /** What every connection of the application runs first (application.yaml), planner costs among it. */
    private static String applicationConnectionSetup() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String setup = yaml.getObject().getProperty("spring.datasource.hikari.connection-init-sql");
        assertThat(setup).contains("max_parallel_workers_per_gather = 0");
        return setup;
    }

    private static void createEngineSchemaAndOurs(DataSource database) throws SQLException {
        SqlScript.run(database, ENGINE_SCRIPTS + "create/activiti.postgres.create.engine.sql");
        for (String script : OUR_SCRIPTS) {
            SqlScript.run(database, script);
        }
    }

    private static void seed() throws SQLException {
        InboxSeed.load(dataSource, seedDefinition(), "Seed", 1, TASKS);
        jdbc.sql(
                        "UPDATE act_ru_task SET name_ = 'Вернуть карту: Чайковская' WHERE id_ IN ('seed-task-11', 'seed-task-12')")
                .update();
        jdbc.sql("ANALYZE").update();
    }

    @AfterAll
    static void stop() throws IOException, SQLException {
        connection.close();
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
        // A key with its kind: the part after the dash, not the kind's trigrams that every key has.
        assertThat(plan(new InboxFilter(Scope.ALL, null, "application-4242", Sort.DUE), null))
                .contains("tasks_inbox_business_key_tail_trgm")
                .doesNotContain("tasks_inbox_business_key_trgm")
                .doesNotContain("Seq Scan on act_ru_task")
                .doesNotContain("Seq Scan on act_ru_execution");
        assertThat(plan(new InboxFilter(Scope.ALL, null, "4242", Sort.DUE), null))
                .contains("tasks_inbox_business_key_trgm")
                .doesNotContain("Seq Scan on act_ru_execution");
        assertThat(plan(new InboxFilter(Scope.ALL, null, "чайковск", Sort.CREATED), null))
                .contains("tasks_inbox_search_group_name")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aNameCommonAmongAllTasksButRareInMyGroupIsFoundThroughTheSearchTable() {
        // One task in 23 has the surname, one in 20 is my group's: the search table's index holds both at once.
        for (Sort sort : Sort.values()) {
            assertThat(plan(new InboxFilter(Scope.ALL, null, "соколова", sort), null))
                    .as(sort.name())
                    .contains("tasks_inbox_search_group_name")
                    .doesNotContain("Seq Scan");
        }
        assertThat(plan(new InboxFilter(Scope.UNASSIGNED, null, "соколова", Sort.CREATED), null))
                .contains("tasks_inbox_search_group_name");
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void bothArmsOfANameSearchGiveTheSamePages(Sort sort) {
        // About 430 tasks of GROUP_3 name Соколова: below the threshold they are read by primary key; with a
        // threshold of 10 the sort index is walked instead. The pages, first and next, are the same either way.
        InboxQuery walking = new InboxQuery(jdbc, 10);
        for (Scope scope : new Scope[] {Scope.ALL, Scope.UNASSIGNED}) {
            InboxFilter filter = new InboxFilter(scope, null, "соколова", sort);
            List<InboxQuery.Row> first = query.page(VIEWER, filter, null, 0, 50);
            assertThat(first).hasSize(50);
            assertThat(walking.page(VIEWER, filter, null, 0, 50)).isEqualTo(first);
            InboxCursor after = cursor(first.get(49));
            assertThat(walking.page(VIEWER, filter, after, 0, 50))
                    .isEqualTo(query.page(VIEWER, filter, after, 0, 50))
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(first);
        }
        assertThat(explain(walking.statement(VIEWER, new InboxFilter(Scope.ALL, null, "соколова", sort), null, 0, 50)))
                .contains("One-Time Filter");
    }

    private static InboxCursor cursor(InboxQuery.Row row) {
        return new InboxCursor(row.id(), row.due(), row.created(), row.priority());
    }

    @Test
    void aTextTooShortForATrigramIsNoSearch() {
        assertThat(query.statement(VIEWER, new InboxFilter(Scope.ALL, null, " ов ", Sort.DUE), null, 0, 50)
                        .sql())
                .isEqualTo(query.statement(VIEWER, new InboxFilter(Scope.ALL, null, null, Sort.DUE), null, 0, 50)
                        .sql())
                .doesNotContain("ILIKE");
    }

    @Test
    void theEngineScriptsStillRunWithOurIndexesInPlace() throws SQLException {
        // On a database of its own, so the seeded one stays for the other tests whatever their order: the last
        // upgrade script, then the drop scripts and a fresh create; none trips over our objects.
        jdbc.sql("CREATE DATABASE round_trip").update();
        DataSource roundTrip = postgres.getDatabase("postgres", "round_trip");
        JdbcClient other = JdbcClient.create(roundTrip);
        createEngineSchemaAndOurs(roundTrip);
        other.sql("DELETE FROM act_ge_schema_log WHERE id_ = '1300'").update();
        SqlScript.run(roundTrip, ENGINE_SCRIPTS + "upgrade/postgres_engine_7.23_to_7.24.sql");
        SqlScript.run(roundTrip, ENGINE_SCRIPTS + "drop/activiti.postgres.drop.engine.sql");
        // The search table is ours and stays; rows it might hold would name tasks that are gone, which no page reads.
        assertThat(indexes(other))
                .containsExactlyInAnyOrder("tasks_inbox_search_pkey", "tasks_inbox_search_group_name");
        createEngineSchemaAndOurs(roundTrip);
        assertThat(indexes(other)).hasSize(10).doesNotContain("tasks_inbox_name_trgm");
        assertThat(other.sql("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'tasks_inbox_search_%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static String seedDefinition() {
        jdbc.sql("INSERT INTO act_re_procdef (id_, rev_, key_, name_, version_, suspension_state_)"
                        + " VALUES ('Seed:1:1', 1, 'Seed', 'Seed', 1, 1) ON CONFLICT DO NOTHING")
                .update();
        return "Seed:1:1";
    }

    private static List<String> indexes(JdbcClient database) {
        return database.sql("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'tasks_inbox_%'")
                .query(String.class)
                .list();
    }

    private static String plan(InboxFilter filter, InboxCursor after) {
        return explain(query.statement(VIEWER, filter, after, 0, 50));
    }

    private static String explain(InboxQuery.Statement statement) {
        Map<String, Object> params = statement.params();
        String plan = String.join(
                "\n",
                jdbc.sql("EXPLAIN " + statement.sql())
                        .params(params)
                        .query(String.class)
                        .list());
        return plan;
    }
}
