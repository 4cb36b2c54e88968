package org.clientclub.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.clientclub.support.TestQuestionnaires.adult;

import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.clientclub.ClientClubApplication;
import org.clientclub.mail.internal.server.EmbeddedMailServer;
import org.clientclub.membership.Channel;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.membership.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's homogeneous cluster: two nodes of the application on one PostgreSQL database, each with its job
 * executor, outbox sender and club mailbox reader running. Node A is this test's context (with the embedded mail
 * server, which both nodes send to and read from); node B is a second application context started beside it on
 * A's database. Work spread over both must happen exactly once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.generic-properties.properties.hostname=node-a",
            "clientclub.join.rate-limit-per-hour=" + TwoNodesIT.JOIN_LIMIT
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    static final int JOIN_LIMIT = 5;
    private static final int QUESTIONNAIRES = 1000;
    private static final int MAILED = 40;

    @Autowired
    ApplicationContext nodeA;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    private ConfigurableApplicationContext nodeB;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void startNodeB() throws Exception {
        HikariDataSource database = nodeA.getBean(DataSource.class).unwrap(HikariDataSource.class);
        EmbeddedMailServer.ClubMailbox mailbox = nodeA.getBean(EmbeddedMailServer.ClubMailbox.class);
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", database.getJdbcUrl());
        properties.put("spring.datasource.username", database.getUsername());
        properties.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        properties.put("clientclub.mail.embedded", "false");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(greenMail.getSmtp().getPort()));
        properties.put("clientclub.mailbox.imap-host", "127.0.0.1");
        properties.put("clientclub.mailbox.imap-port", String.valueOf(mailbox.imapPort()));
        properties.put("clientclub.mailbox.imap-ssl", "false");
        properties.put("clientclub.mailbox.password", mailbox.password());
        properties.put("clientclub.mailbox.poll-interval", "PT1S");
        properties.put("camunda.bpm.generic-properties.properties.hostname", "node-b");
        // Separate JVMs would both call their engine "default"; in this one JVM the engines' static registry would
        // hand node B's engine to the other tests' webapps, and lose it when node B stops.
        properties.put("camunda.bpm.process-engine-name", "nodeB");
        // The Camunda webapps keep their runtime in static fields: a second copy in this JVM would take them over
        // from node A (and from every other test's context) and leave them without an engine when it stops.
        properties.put("camunda.bpm.webapp.enabled", "false");
        properties.put("clientclub.join.rate-limit-per-hour", String.valueOf(JOIN_LIMIT));
        // As command-line arguments: they outrank the profile's files, which a builder's properties do not.
        nodeB = new SpringApplicationBuilder(ClientClubApplication.class)
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void questionnairesSplitOverBothNodesAreConfirmedOnceEachAndEveryJobRunsOnce() throws Exception {
        List<MembershipService> nodes =
                List.of(nodeA.getBean(MembershipService.class), nodeB.getBean(MembershipService.class));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < QUESTIONNAIRES; i++) {
            emails.add("c" + i + "-" + run + "@cluster.example.org");
        }
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> submitted = new ArrayList<>();
            for (int i = 0; i < QUESTIONNAIRES; i++) {
                MembershipService node = nodes.get(i % 2);
                Submission submission = new Submission(
                        adult(emails.get(i)), 1, true, Channel.WEB, "10.7." + (i / 250) + "." + (i % 250), "");
                submitted.add(submitters.submit(() -> node.submit(submission).orElseThrow()));
            }
            for (Future<?> f : submitted) {
                f.get();
            }
        } finally {
            submitters.shutdown();
        }

        await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> confirmationsDelivered().size() >= QUESTIONNAIRES);
        // Both senders keep polling: anything sent twice would arrive in the next moments.
        Thread.sleep(3000);

        Map<String, List<String>> delivered = confirmationsDelivered();
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(emails);
        assertThat(delivered.values())
                .as("one confirmation per applicant")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM mail_outbox
                         WHERE recipient LIKE :r AND template = 'confirm-email' AND status = 'SENT'""")
                        .param("r", "%-" + run + "@cluster.example.org")
                        .query(Long.class)
                        .single())
                .isEqualTo(QUESTIONNAIRES);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log
                                               WHERE job_state_ = 2 AND process_def_key_ = 'MembershipOnboardingProcess'
                                               GROUP BY job_id_ HAVING count(*) > 1) twice""").query(Long.class).single())
                .as("no job ran to success twice")
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT DISTINCT hostname_ FROM act_hi_job_log
                         WHERE job_state_ = 2 AND process_def_key_ = 'MembershipOnboardingProcess'""").query(String.class).list())
                .as("both job executors did part of the work")
                .contains("node-a", "node-b");
    }

    @Test
    void aMessageBothReadersFetchIsStoredAndAnsweredOnce() throws Exception {
        List<String> senders = new ArrayList<>();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(smtp);
        for (int i = 0; i < MAILED; i++) {
            String sender = "m" + i + "-" + run + "@mailed.example.org";
            senders.add(sender);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(sender));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ilove@clientclub.local"));
            message.setSubject("Хочу в клуб", "UTF-8");
            message.setSentDate(new Date());
            message.setText("Здравствуйте! Примите меня в клуб.", "UTF-8");
            message.saveChanges();
            Transport.send(message);
        }

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> answered(senders) == MAILED);
        Thread.sleep(3000);

        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE sender LIKE :s")
                        .param("s", "%-" + run + "@mailed.example.org")
                        .query(Long.class)
                        .single())
                .as("each message stored once although both nodes read the mailbox")
                .isEqualTo(MAILED);
        Map<String, Long> replies = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain("mailed.example.org")) {
            replies.merge(m.getAllRecipients()[0].toString(), 1L, Long::sum);
        }
        assertThat(replies)
                .as("one answer per message")
                .hasSize(MAILED)
                .allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void theJoinLimitIsCountedOnceForBothNodes() {
        List<MembershipService> nodes =
                List.of(nodeA.getBean(MembershipService.class), nodeB.getBean(MembershipService.class));
        String address = "198.51.100." + (1 + Math.abs(run.hashCode() % 250));
        for (int i = 0; i < JOIN_LIMIT; i++) {
            nodes.get(i % 2).submit(submission("limit" + i, address)).orElseThrow();
        }
        for (MembershipService node : nodes) {
            assertThatThrownBy(() -> node.submit(submission("over", address)))
                    .isInstanceOfSatisfying(
                            QuestionnaireRejected.class,
                            e -> assertThat(e.errors()).containsEntry("form", "validation.rateLimited"));
        }
    }

    @Test
    void eachNightlyAndMonthlyTimerStartsItsProcessOnce() {
        ManagementService management = nodeA.getBean(ManagementService.class);
        List<String> scheduled = List.of("PointsExpiryProcess", "MonthlyStatementProcess", "ApplicationPurgeProcess");
        Map<String, Long> before = scheduled.stream().collect(Collectors.toMap(Function.identity(), this::started));
        for (String process : scheduled) {
            Job timer = management
                    .createJobQuery()
                    .processDefinitionKey(process)
                    .timers()
                    .singleResult();
            management.setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 1000));
        }

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> scheduled.stream().allMatch(p -> started(p) > before.get(p)));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

        for (String process : scheduled) {
            assertThat(started(process)).as(process + " started once").isEqualTo(before.get(process) + 1);
            assertThat(management
                            .createJobQuery()
                            .processDefinitionKey(process)
                            .timers()
                            .singleResult()
                            .getDuedate())
                    .as("the next " + process + " is scheduled again, once")
                    .isInTheFuture();
        }
    }

    private long started(String processKey) {
        return jdbc.sql("""
                        SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
                         WHERE d.key_ = :key""").param("key", processKey).query(Long.class).single();
    }

    private Submission submission(String name, String address) {
        return new Submission(adult(name + "-" + run + "@limit.example.org"), 1, true, Channel.WEB, address, "");
    }

    /** The confirmations GreenMail received for this run, by recipient: their Message-IDs. */
    private Map<String, List<String>> confirmationsDelivered() throws Exception {
        Map<String, List<String>> byRecipient = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain("cluster.example.org")) {
            String to = m.getAllRecipients()[0].toString();
            if (to.endsWith("-" + run + "@cluster.example.org")) {
                byRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(m.getMessageID());
            }
        }
        return byRecipient;
    }

    private long answered(List<String> senders) {
        return jdbc.sql("""
                        SELECT count(DISTINCT recipient) FROM mail_outbox
                         WHERE recipient IN (:senders) AND status = 'SENT'""").param("senders", senders).query(Long.class).single();
    }
}
