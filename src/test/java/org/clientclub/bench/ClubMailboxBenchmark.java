package org.clientclub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.clientclub.mail.internal.inbound.ClubMailboxReader;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.shared.Language;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4's target: 1,000 e-mails with a filled questionnaire PDF each, through the club mailbox reader and
 * QuestionnaireIntakeProcess until every one has started onboarding, against a plain IMAP fetch of the same
 * messages in the same run; the heap watched while the attachments pass through. Run with
 * {@code ./mvnw -o -Pbench test -Dtest=ClubMailboxBenchmark}; the bench profile caps the heap at 512 MB.
 *
 * <p>The mail server is a GreenMail in a JVM of its own, as a real mail server would be: GreenMail keeps every
 * message in its heap (some 300 MB here), which is the server's memory, not the application's.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + ClubMailboxBenchmark.DATABASE,
            "spring.datasource.username=postgres",
            "clientclub.mail.embedded=false",
            "spring.mail.host=127.0.0.1",
            "clientclub.mailbox.reader-enabled=false",
            "clientclub.mailbox.imap-host=127.0.0.1",
            "clientclub.mailbox.imap-ssl=false",
            "clientclub.mailbox.username=" + ClubMailboxBenchmark.CLUB,
            // Measure the intake: the sender would compete for the same two cores.
            "clientclub.mail.outbox.poll-interval=PT1H",
            // Thousands of confirmation mails in a day are the point here, not an attack.
            "clientclub.mail.quota.total-per-day=1000000",
            "logging.level.org.clientclub=WARN"
        })
class ClubMailboxBenchmark {

    static final String DATABASE = "clientclub_bench_mailbox";
    static final String CLUB = "ilove@clientclub.local";
    private static final int MESSAGES = Integer.getInteger("bench.messages", 1000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
    private static final BenchReport REPORT = new BenchReport("club-mailbox");
    private static final String PASSWORD = UUID.randomUUID().toString();

    private static Process mailServer;
    private static int smtpPort;
    private static int imapPort;

    @Autowired
    ClubMailboxReader reader;

    @Autowired
    QuestionnairePdf generator;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        BenchReport.freshDatabase(DATABASE);
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) throws Exception {
        startMailServer();
        registry.add("clientclub.mailbox.imap-port", () -> imapPort);
        registry.add("clientclub.mailbox.password", () -> PASSWORD);
        registry.add("spring.mail.port", () -> smtpPort);
    }

    @AfterAll
    static void stopMailServer() throws InterruptedException {
        if (mailServer != null) {
            mailServer.destroy();
            mailServer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thousandQuestionnairesByMailAgainstAPlainImapFetch() throws Exception {
        // Warm up every path (PDF reading, both processes, IMAP) so the JIT is not what is measured.
        Round warm = round(WARM_UP, "warm");
        emptyInbox();
        Round run = round(MESSAGES, "run");

        double ratio = run.processRate() / run.fetchRate();
        REPORT.add(
                "| plain IMAP fetch of the %,d messages, full bytes, BODY.PEEK, read-only (baseline) | %,d messages, %.0f MB | %.1f messages/s | 1.00 |",
                MESSAGES, MESSAGES, run.rawBytes() / 1e6, run.fetchRate());
        REPORT.add(
                "| club mailbox reader + intake until every message has started onboarding | %,d messages | %.1f messages/s | %.2f (target ≥ 0.3) |",
                MESSAGES, run.processRate(), ratio);
        REPORT.add(
                "| peak heap used while processing (JVM capped at %d MB), sampled every 50 ms | %.0f MB of PDFs, %.0f MB of messages | %d MB | target < 512 MB |",
                Runtime.getRuntime().maxMemory() / 1_000_000,
                run.pdfBytes() / 1e6,
                run.rawBytes() / 1e6,
                run.peakHeap() / 1_000_000);
        REPORT.add(
                "| (reader alone: fetched, stored raw, intake started, marked seen) | %,d messages | %.1f messages/s | |",
                MESSAGES, run.storeRate());
        REPORT.add(
                "| (until the %,d confirmation e-mails were in the outbox as well) | | %.1f messages/s | |",
                MESSAGES, run.confirmRate());
        REPORT.add("| (GC while processing) | %d collections | %,d ms | |", run.gcCount(), run.gcMillis());
        REPORT.add(
                "| (set-up) %,d filled PDFs generated and sent over SMTP | | %.1f s | |",
                MESSAGES, run.prepareSeconds());
        REPORT.add(
                "| (warm-up: %d messages) | | fetch %.1f /s, processing %.1f /s | |",
                WARM_UP, warm.fetchRate(), warm.processRate());

        assertThat(run.peakHeap()).as("peak heap").isLessThan(512L * 1024 * 1024);
        assertThat(ratio).as("processing as a share of a plain IMAP fetch").isGreaterThanOrEqualTo(0.3);
    }

    private record Round(
            double fetchRate,
            double processRate,
            double storeRate,
            double confirmRate,
            long peakHeap,
            long pdfBytes,
            long rawBytes,
            long gcCount,
            long gcMillis,
            double prepareSeconds) {}

    private Round round(int n, String tag) throws Exception {
        long firstId = jdbc.sql("SELECT coalesce(max(id), 0) FROM mail_inbound")
                .query(Long.class)
                .single();
        long confirmationsBefore = confirmations();

        long prepareStart = System.nanoTime();
        long pdfBytes = deliver(n, tag);
        double prepareSeconds = (System.nanoTime() - prepareStart) / 1e9;
        await().atMost(Duration.ofMinutes(2)).until(() -> inboxCount() == n);

        long fetchStart = System.nanoTime();
        long rawBytes = plainFetch(n);
        double fetchRate = n / ((System.nanoTime() - fetchStart) / 1e9);

        System.gc();
        AtomicLong peakHeap = new AtomicLong();
        Thread watcher = BenchReport.heapWatcher(peakHeap);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long processStart = System.nanoTime();
        int stored = reader.fetchNow();
        double storeRate = n / ((System.nanoTime() - processStart) / 1e9);
        assertThat(stored).as("messages stored by the reader").isEqualTo(n);
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertThat(unexpectedOutcomes(firstId))
                            .as("messages that did not start onboarding")
                            .isEmpty();
                    return started(firstId) == n;
                });
        double processRate = n / ((System.nanoTime() - processStart) / 1e9);
        watcher.interrupt();
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;

        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> confirmations() - confirmationsBefore >= n);
        double confirmRate = n / ((System.nanoTime() - processStart) / 1e9);
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT a.id) FROM membership_mail_intake i
                          JOIN membership_application a ON a.id = i.application_id
                         WHERE i.inbound_mail_id > :first AND a.channel = 'MAIL'""").param("first", firstId).query(Long.class).single())
                .as("applications by mail")
                .isEqualTo(n);
        return new Round(
                fetchRate,
                processRate,
                storeRate,
                confirmRate,
                peakHeap.get(),
                pdfBytes,
                rawBytes,
                gcCount,
                gcMillis,
                prepareSeconds);
    }

    /** Generates each questionnaire and sends it at once, so the messages are never all in this JVM's heap. */
    private long deliver(int n, String tag) throws MessagingException {
        long pdfBytes = 0;
        Session session = Session.getInstance(new Properties());
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect("127.0.0.1", smtpPort, null, null);
            Address[] club = {new InternetAddress(CLUB)};
            // The same blank a member downloads; filling it is what makes each questionnaire its own.
            byte[] blank = QuestionnairePdfs.blank(generator, Language.RU);
            for (int i = 0; i < n; i++) {
                String email = "bench-" + tag + "-" + i + "-"
                        + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
                Questionnaire questionnaire = TestQuestionnaires.adult(email);
                byte[] pdf = QuestionnairePdfs.filledFrom(blank, Language.RU, questionnaire, true);
                pdfBytes += pdf.length;
                MimeMessage message =
                        new MimeMessage(session, new ByteArrayInputStream(raw(email, tag + "-" + i, pdf)));
                smtp.sendMessage(message, club);
            }
        }
        return pdfBytes;
    }

    /** An ordinary mailer's message: a short text and the PDF, base64 in 76-character lines. */
    private static byte[] raw(String from, String id, byte[] pdf) {
        String boundary = "bench-" + id;
        String head = "From: " + from + "\r\n"
                + "To: " + CLUB + "\r\n"
                + "Subject: " + MailCorpus.b(MailCorpus.SUBJECT_RU, StandardCharsets.UTF_8) + "\r\n"
                + "Message-ID: <" + id + "." + UUID.randomUUID() + "@example.org>\r\n"
                + "Date: Wed, 25 Nov 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + MailCorpus.base64(MailCorpus.TEXT_RU.getBytes(StandardCharsets.UTF_8), 76) + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/pdf; name=\"" + MailCorpus.b(MailCorpus.FILE_RU, StandardCharsets.UTF_8)
                + "\"\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''"
                + MailCorpus.rfc2231(MailCorpus.FILE_RU, StandardCharsets.UTF_8) + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length * 4 / 3 + 4096);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(MailCorpus.base64(pdf, 76).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** What any IMAP client does at the least: every message's full bytes, read-only, nothing marked. */
    private long plainFetch(int n) throws MessagingException, IOException {
        Store store = imap();
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                assertThat(messages).hasSize(n);
                CountingSink sink = new CountingSink();
                for (Message message : messages) {
                    message.writeTo(sink);
                }
                return sink.count;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private int inboxCount() throws MessagingException {
        Store store = imap();
        try {
            return store.getFolder("INBOX").getMessageCount();
        } finally {
            store.close();
        }
    }

    private void emptyInbox() throws MessagingException {
        Store store = imap();
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
            inbox.close(true);
        } finally {
            store.close();
        }
    }

    /** The same settings as the reader's connection. */
    private static Store imap() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.store.protocol", "imap");
        properties.put("mail.imap.peek", "true");
        properties.put("mail.imap.partialfetch", "false");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imapPort, CLUB, PASSWORD);
        return store;
    }

    private long started(long firstId) {
        return jdbc.sql("SELECT count(*) FROM mail_inbound WHERE id > :first AND outcome = 'HANDLED'")
                .param("first", firstId)
                .query(Long.class)
                .single();
    }

    private List<String> unexpectedOutcomes(long firstId) {
        return jdbc.sql("""
                        SELECT id || ' ' || outcome || ' ' || coalesce(reason, '') FROM mail_inbound
                         WHERE id > :first AND outcome NOT IN ('RECEIVED', 'HANDLED')""").param("first", firstId).query(String.class).list();
    }

    private long confirmations() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE template = 'confirm-email'")
                .query(Long.class)
                .single();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Starts {@link MailServer} in a JVM of its own on this class path and learns its ports. */
    private static synchronized void startMailServer() throws Exception {
        if (mailServer != null) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        mailServer = new ProcessBuilder(
                        java,
                        "-Xmx2g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MailServer.class.getName(),
                        CLUB,
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        CompletableFuture<int[]> ports = new CompletableFuture<>();
        Thread drain = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(mailServer.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            if (line.startsWith("PORTS ")) {
                                String[] parts = line.split(" ");
                                ports.complete(new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
                            }
                        }
                    } catch (IOException e) {
                        ports.completeExceptionally(e);
                    }
                    ports.completeExceptionally(new IllegalStateException("The mail server ended"));
                },
                "bench-mail-server-output");
        drain.setDaemon(true);
        drain.start();
        int[] found = ports.get(60, TimeUnit.SECONDS);
        smtpPort = found[0];
        imapPort = found[1];
    }

    /** GreenMail with SMTP and IMAP on free ports; ends when its parent closes its input (or dies). */
    public static final class MailServer {
        public static void main(String[] args) throws Exception {
            GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
            });
            greenMail.start();
            greenMail.setUser(args[0], args[0], args[1]);
            System.out.println("PORTS " + greenMail.getSmtp().getPort() + " "
                    + greenMail.getImap().getPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the benchmark to end.
            }
            greenMail.stop();
        }
    }
}
