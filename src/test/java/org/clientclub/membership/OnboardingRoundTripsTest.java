package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clientclub.support.TestQuestionnaires.adult;
import static org.clientclub.support.TestQuestionnaires.submission;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.clientclub.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The round trips to the database of one questionnaire, from the web submission to its confirmation e-mail in the
 * outbox: what OnboardingBenchmark's throughput is made of. Prints them by thread and statement, and holds the
 * application's own statements (those not on the engine's ACT_ tables) to what they are: 10 (and now and then the
 * counters' clean-up), down from 15 before issue 15.
 */
@SpringBootTest(properties = "clientclub.mail.outbox.poll-interval=PT1H")
class OnboardingRoundTripsTest {

    private static final int QUESTIONNAIRES = 20;

    @TestConfiguration
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @Autowired
    MembershipService membership;

    @Autowired
    StatementCounter counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    @Test
    void oneQuestionnaireToItsConfirmationMail() {
        submitAndWait("warm", 3);
        counter.reset();
        submitAndWait("counted", QUESTIONNAIRES);
        Map<String, Map<String, Long>> counts = counter.snapshot();

        long application = 0;
        long engine = 0;
        long transactions = 0;
        StringBuilder report = new StringBuilder("Round trips per questionnaire (" + QUESTIONNAIRES + " counted):\n");
        for (var thread : counts.entrySet()) {
            report.append(thread.getKey()).append('\n');
            for (var statement : thread.getValue().entrySet()) {
                double each = statement.getValue() / (double) QUESTIONNAIRES;
                report.append(String.format("  %6.2f  %s%n", each, statement.getKey()));
                if (thread.getKey().startsWith("JobExecutor") || thread.getKey().startsWith("awaitility")) {
                    continue; // acquisition polls on its own rhythm, not per questionnaire; the test's own polls
                }
                String sql = statement.getKey();
                if (sql.equals("COMMIT") || sql.equals("ROLLBACK")) {
                    transactions += statement.getValue();
                } else if (sql.toUpperCase().contains("ACT_")) {
                    engine += statement.getValue();
                } else {
                    application += statement.getValue();
                }
            }
        }
        report.append(String.format(
                "application %.2f, engine %.2f, commits %.2f per questionnaire%n",
                application / (double) QUESTIONNAIRES,
                engine / (double) QUESTIONNAIRES,
                transactions / (double) QUESTIONNAIRES));
        System.out.println(report);
        assertThat(application / (double) QUESTIONNAIRES)
                .as("the application's own statements per questionnaire\n" + report)
                .isLessThanOrEqualTo(10.5);
    }

    private void submitAndWait(String run, int n) {
        String prefix =
                "round-trips-" + run + "-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            membership.submit(submission(adult(prefix + "-" + i + "@example.org")));
        }
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient LIKE :p")
                                .param("p", prefix + "-%")
                                .query(Long.class)
                                .single()
                        == n);
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }
}
