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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.clientclub.support.MailClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
 *
 * <p>A second Spring/Camunda context leaves static state behind (the Camunda webapps' runtime, the engines'
 * registry) that breaks the integration tests after it in the same JVM, so the tag {@value #TAG} gives this class a
 * Failsafe execution, and a JVM, of its own (pom.xml, execution {@code two-nodes}). Its figures are printed and
 * written to {@code target/benchmarks/TwoNodesIT.md} (docs/benchmarks.md).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.generic-properties.properties.hostname=node-a",
            "clientclub.join.rate-limit-per-hour=" + TwoNodesIT.JOIN_LIMIT
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TwoNodesIT.TAG)
class TwoNodesIT {

    static final String TAG = "two-nodes";
    static final int JOIN_LIMIT = 5;
    private static final int QUESTIONNAIRES = 1000;
    private static final int ALONE = QUESTIONNAIRES / 2;
    private static final int MAILED = 40;
    private static final String ONBOARDING = "MembershipOnboardingProcess";

    @Autowired
    ApplicationContext nodeA;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    private @Nullable ConfigurableApplicationContext nodeB;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> figures = new ArrayList<>();
    private double bothPerSecond;

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
    void stopNodeBAndReport() throws IOException {
        if (nodeB != null) {
            nodeB.close();
        }
        Path file = Path.of("target", "benchmarks", "TwoNodesIT.md");
        Files.createDirectories(file.getParent());
        Files.write(file, figures);
    }

    private void figure(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        figures.add(line);
        System.out.println("TwoNodesIT | " + line);
    }

    @Test
    @Order(4)
    void questionnairesSplitOverBothNodesAreConfirmedOnceEachAndEveryJobRunsOnce() throws Exception {
        List<MembershipService> nodes =
                List.of(nodeA.getBean(MembershipService.class), nodeB().getBean(MembershipService.class));
        Map<String, Long> jobsBefore = onboardingJobsByNode();

        Pushed pushed = push(nodes, QUESTIONNAIRES, "cluster", "10.7.");

        Map<String, List<String>> delivered = confirmationsDelivered("cluster");
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(pushed.emails());
        assertThat(delivered.values())
                .as("one confirmation per applicant")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        long sent = confirmationsSent("cluster");
        assertThat(sent).isEqualTo(QUESTIONNAIRES);
        long twice = jdbc.sql("""
                        SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log
                                               WHERE job_state_ = 2 AND process_def_key_ = :key
                                               GROUP BY job_id_ HAVING count(*) > 1) twice""").param("key", ONBOARDING).query(Long.class).single();
        assertThat(twice).as("no job ran to success twice").isZero();
        Map<String, Long> jobs = onboardingJobsByNode();
        jobs.replaceAll((node, n) -> n - jobsBefore.getOrDefault(node, 0L));
        assertThat(jobs)
                .as("both job executors did part of the work")
                .hasEntrySatisfying("node-a", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("node-b", n -> assertThat(n).isPositive());

        bothPerSecond = QUESTIONNAIRES / pushed.seconds();
        figure("questionnaires: %d (node A %d, node B %d)", QUESTIONNAIRES, pushed.perNode()[0], pushed.perNode()[1]);
        int received = delivered.values().stream().mapToInt(List::size).sum();
        figure("confirmations: %d sent, %d received, duplicates %d", sent, received, received - delivered.size());
        figure(
                "onboarding jobs run to success: %d (node A %d, node B %d), run twice %d",
                jobs.values().stream().mapToLong(Long::longValue).sum(),
                jobs.getOrDefault("node-a", 0L),
                jobs.getOrDefault("node-b", 0L),
                twice);
        figure(
                "two nodes: %d questionnaires submitted in %.1f s, all confirmed after %.1f s (%.1f per second)",
                QUESTIONNAIRES, pushed.submitSeconds(), pushed.seconds(), bothPerSecond);
    }

    /** The baseline of the same run: node B stopped, node A alone takes the next questionnaires. */
    @Test
    @Order(5)
    void oneNodeAloneAfterwardsForTheBaseline() throws Exception {
        nodeB().close();
        nodeB = null;

        Pushed pushed = push(List.of(nodeA.getBean(MembershipService.class)), ALONE, "alone", "10.8.");

        Map<String, List<String>> delivered = confirmationsDelivered("alone");
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(pushed.emails());
        assertThat(delivered.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        double alonePerSecond = ALONE / pushed.seconds();
        figure(
                "one node (baseline): %d questionnaires submitted in %.1f s, all confirmed after %.1f s (%.1f per second)",
                ALONE, pushed.submitSeconds(), pushed.seconds(), alonePerSecond);
        figure(
                "throughput two nodes / one node: %.2f (both nodes in one JVM, on the same cores)",
                bothPerSecond / alonePerSecond);
    }

    private record Pushed(List<String> emails, int[] perNode, double submitSeconds, double seconds) {}

    /** Submits the questionnaires round-robin over the nodes from 4 threads and waits for all their confirmations. */
    private Pushed push(List<MembershipService> nodes, int count, String domain, String addressPrefix)
            throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add("c" + i + "-" + run + "@" + domain + ".example.org");
        }
        int[] perNode = new int[nodes.size()];
        long start = System.nanoTime();
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MembershipService node = nodes.get(i % nodes.size());
                perNode[i % nodes.size()]++;
                Submission submission = new Submission(
                        adult(emails.get(i)), 1, true, Channel.WEB, addressPrefix + (i / 250) + "." + (i % 250), "");
                submitted.add(submitters.submit(() -> node.submit(submission).orElseThrow()));
            }
            for (Future<?> f : submitted) {
                f.get();
            }
        } finally {
            submitters.shutdown();
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> confirmationsDelivered(domain).size() >= count);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Every sender keeps polling: anything sent twice would arrive in the next moments.
        Thread.sleep(3000);
        return new Pushed(emails, perNode, submitSeconds, seconds);
    }

    private ConfigurableApplicationContext nodeB() {
        return Objects.requireNonNull(nodeB, "node B is stopped");
    }

    private long confirmationsSent(String domain) {
        return jdbc.sql("""
                        SELECT count(*) FROM mail_outbox
                         WHERE recipient LIKE :r AND template = 'confirm-email' AND status = 'SENT'""")
                .param("r", "%-" + run + "@" + domain + ".example.org")
                .query(Long.class)
                .single();
    }

    private Map<String, Long> onboardingJobsByNode() {
        Map<String, Long> byNode = new HashMap<>();
        jdbc.sql("""
                        SELECT hostname_, count(*) AS n FROM act_hi_job_log
                         WHERE job_state_ = 2 AND process_def_key_ = :key GROUP BY hostname_""")
                .param("key", ONBOARDING)
                .query((rs, i) -> byNode.put(String.valueOf(rs.getString("hostname_")), rs.getLong("n")))
                .list();
        return byNode;
    }

    @Test
    @Order(2)
    void aMessageBothReadersFetchIsStoredAndAnsweredOnce() throws Exception {
        List<String> senders = new ArrayList<>();
        Session session = new MailClient(greenMail).session();
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

        long stored = jdbc.sql("SELECT count(*) FROM mail_inbound WHERE sender LIKE :s")
                .param("s", "%-" + run + "@mailed.example.org")
                .query(Long.class)
                .single();
        assertThat(stored)
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
        figure(
                "inbound: %d mailed, both nodes reading the mailbox: %d stored, %d answered once",
                MAILED, stored, MAILED);
    }

    @Test
    @Order(1)
    void theJoinLimitIsCountedOnceForBothNodes() {
        List<MembershipService> nodes =
                List.of(nodeA.getBean(MembershipService.class), nodeB().getBean(MembershipService.class));
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
        figure("join limit: %d per address and hour taken over both nodes, the next refused on each", JOIN_LIMIT);
    }

    @Test
    @Order(3)
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
        String times =
                scheduled.stream().map(p -> started(p) - before.get(p) + "").collect(Collectors.joining("/"));
        figure("timers: %s made due, both executors running: started %s time(s)", String.join("/", scheduled), times);
    }

    private long started(String processKey) {
        return jdbc.sql("""
                        SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
                         WHERE d.key_ = :key""").param("key", processKey).query(Long.class).single();
    }

    private Submission submission(String name, String address) {
        return new Submission(adult(name + "-" + run + "@limit.example.org"), 1, true, Channel.WEB, address, "");
    }

    /** The confirmations GreenMail received for this run in the domain, by recipient: their Message-IDs. */
    private Map<String, List<String>> confirmationsDelivered(String domain) throws Exception {
        Map<String, List<String>> byRecipient = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(domain + ".example.org")) {
            String to = m.getAllRecipients()[0].toString();
            if (to.endsWith("-" + run + "@" + domain + ".example.org")) {
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
