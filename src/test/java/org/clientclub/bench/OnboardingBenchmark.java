package org.clientclub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.clientclub.membership.Channel;
import org.clientclub.membership.Interest;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.Submission;
import org.clientclub.shared.Language;
import org.clientclub.tasks.InboxFilter;
import org.clientclub.tasks.InboxService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The speed targets of the walking skeleton, on the PostgreSQL server at 127.0.0.1:5432 (durable settings), in
 * a fresh database {@value #DATABASE}. Run with {@code ./mvnw -Pbench test}; results are printed and written to
 * target/benchmarks/onboarding.md, and copied by hand to docs/benchmarks.md.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + OnboardingBenchmark.DATABASE,
            "spring.datasource.username=postgres",
            "spring.datasource.hikari.maximum-pool-size=20",
            // Measure up to the outbox: the sender would compete for the same two cores.
            "clientclub.mail.outbox.poll-interval=PT1H",
            "clientclub.join.rate-limit-per-hour=1000000",
            // Thousands of confirmation mails in a day are the point here, not an attack.
            "clientclub.mail.quota.total-per-day=1000000",
            "logging.level.org.clientclub=WARN"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingBenchmark {

    static final String DATABASE = "clientclub_bench";
    private static final int QUESTIONNAIRES = Integer.getInteger("bench.questionnaires", 10_000);
    private static final int OPEN_TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final BenchReport REPORT = new BenchReport("onboarding");

    @Autowired
    MembershipService membership;

    @Autowired
    InboxService inbox;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        BenchReport.freshDatabase(DATABASE);
    }

    @Test
    @Order(1)
    void questionnairesToTheConfirmationEmailAgainstABareAsyncProcess() throws IOException {
        deploy(Bpmn.createExecutableProcess("BenchBareAsync")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Noop")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent()
                .done());
        // Warm up both paths so the JIT and the caches are not what is measured.
        runBare(200);
        runOnboarding(200, "warm");

        double bare = runBare(QUESTIONNAIRES);
        double onboarding = runOnboarding(QUESTIONNAIRES, "run");
        double ratio = onboarding / bare;

        REPORT.add(
                "| bare process: start → async no-op service task → end | %,d instances | %.0f /s | 1.00 |",
                QUESTIONNAIRES, bare);
        REPORT.add(
                "| questionnaire submitted → onboarding started → confirmation e-mail in the outbox | %,d questionnaires | %.0f /s | %.2f |",
                QUESTIONNAIRES, onboarding, ratio);
        assertThat(ratio)
                .as("onboarding throughput as a share of the bare process")
                .isGreaterThanOrEqualTo(0.5);
    }

    @Test
    @Order(2)
    void inboxFirstPageWithAHundredThousandOpenTasks() throws IOException {
        deploy(Bpmn.createExecutableProcess("BenchOpenTask")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Open")
                .camundaCandidateGroups("CLUB_STAFF")
                .endEvent()
                .done());
        long started = System.nanoTime();
        for (int i = 0; i < OPEN_TASKS; i++) {
            runtime.startProcessInstanceByKey("BenchOpenTask", "bench-" + i);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // A bulk load leaves the planner without statistics until autovacuum comes by; measure the steady state.
        jdbc.sql("ANALYZE").update();
        assertThat(jdbc.sql("SHOW jit").query(String.class).single())
                .as("the application's connections")
                .isEqualTo("off");

        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_CLUB_STAFF"));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench-staff", null, roles));
        try {
            for (InboxFilter.Sort sort : InboxFilter.Sort.values()) {
                InboxFilter filter = new InboxFilter(InboxFilter.Scope.ALL, null, null, sort);
                long[] millis =
                        time(() -> assertThat(inbox.tasks(filter, 0, 50)).hasSize(50), 200);
                REPORT.add(
                        "| inbox first page of 50, %s, %,d open group tasks | 200 runs | p50 %.1f ms, p95 %.1f ms | target p95 < 200 ms |",
                        sort, OPEN_TASKS, percentile(millis, 50), percentile(millis, 95));
                assertThat(percentile(millis, 95)).isLessThan(200);
            }
            InboxFilter search = new InboxFilter(InboxFilter.Scope.ALL, null, "bench-9999", InboxFilter.Sort.CREATED);
            long[] searching = time(() -> inbox.tasks(search, 0, 50), 50);
            REPORT.add(
                    "| inbox search by key, %,d open group tasks | 50 runs | p50 %.1f ms, p95 %.1f ms | |",
                    OPEN_TASKS, percentile(searching, 50), percentile(searching, 95));
        } finally {
            SecurityContextHolder.clearContext();
        }
        REPORT.add(
                "| (setup) %,d instances with an open user task started | | %.0f /s | |",
                OPEN_TASKS, OPEN_TASKS / seconds);
    }

    private double runBare(int n) {
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            runtime.startProcessInstanceByKey("BenchBareAsync");
        }
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey("BenchBareAsync")
                                .count()
                        == 0);
        return n / ((System.nanoTime() - started) / 1e9);
    }

    private double runOnboarding(int n, String run) {
        long before = outboxCount();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String email = "bench-" + run + "-" + i + "@example.org";
            membership.submit(new Submission(
                    new Questionnaire(
                            "Иванова",
                            "Мария",
                            null,
                            email,
                            null,
                            LocalDate.of(1980, 1, 1),
                            "77",
                            "Москва",
                            "101000",
                            Set.of(Interest.IDEAS),
                            Language.RU,
                            true,
                            null),
                    1,
                    true,
                    Channel.WEB,
                    "10.0.0." + (i % 250),
                    ""));
        }
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> outboxCount() - before >= n);
        return n / ((System.nanoTime() - started) / 1e9);
    }

    private long outboxCount() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE template = 'confirm-email'")
                .query(Long.class)
                .single();
    }

    private void deploy(BpmnModelInstance model) {
        repository
                .createDeployment()
                .addModelInstance(
                        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                                        .iterator()
                                        .next()
                                        .getId()
                                + ".bpmn",
                        model)
                .deploy();
    }

    private static long[] time(Runnable action, int runs) {
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.run();
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        return micros;
    }

    private static double percentile(long[] micros, int p) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
