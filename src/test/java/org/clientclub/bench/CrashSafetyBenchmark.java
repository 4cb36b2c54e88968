package org.clientclub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Crash safety, measured (issue 16). The app runs as a process of its own in the production profile, on a fresh
 * database {@code cc_crash_<pid>} of the PostgreSQL server at 127.0.0.1:5432, sending to an SMTP server in this JVM
 * that counts what it receives by Message-ID. It is killed with SIGKILL twice: in the middle of a burst of
 * questionnaires submitted through the join page, and in the middle of the outbox sending a backlog of welcome
 * mails. Each time it is started again on the same database, and the count says what was lost (must be nothing) and
 * what was delivered twice (at most the batch the sender had in flight, under the same Message-ID). Run with
 * {@code ./mvnw -o -B -Pbench test -Dtest=CrashSafetyBenchmark}; the table goes to target/benchmarks/crash-safety.md.
 */
class CrashSafetyBenchmark {

    private static final int APPLICANTS = Integer.getInteger("bench.crash.applicants", 5_000);
    private static final int CLIENTS = Integer.getInteger("bench.crash.clients", 4);
    private static final double KILL_AT = 0.4;
    /** clientclub.mail.outbox.batch-size: the messages one sender transaction claims, sends and marks. */
    private static final int BATCH = 50;

    private static final Duration DRAIN = Duration.ofMinutes(10);

    private final BenchReport report = new BenchReport("crash-safety");
    private final String database = "cc_crash_" + ProcessHandle.current().pid();
    private final CrashSafetyDatabase db = new CrashSafetyDatabase(database);

    @Test
    void killedMidBurstAndMidSendingLosesNothing() throws Exception {
        CrashSafetyDatabase.serverUp();
        BenchReport.freshDatabase(database);
        int smtpPort = freePort();
        CrashSafetyApp app =
                new CrashSafetyApp(database, freePort(), smtpPort, Path.of("target", "benchmarks", "crash-logs"));
        try (CrashSafetyMailServer mail = new CrashSafetyMailServer(smtpPort)) {
            report.add(
                    "First start (empty database, migrations): %.1f s",
                    app.start().toMillis() / 1000.0);
            Set<String> accepted = burst(app, mail);
            welcomeBacklog(app, mail, accepted);
        } finally {
            if (app.alive()) {
                app.kill();
            }
            if (!Boolean.getBoolean("bench.crash.keep")) {
                db.drop();
            }
        }
    }

    /** Phase 1: the questionnaires, a kill after 40 % were accepted, the unanswered ones submitted again. */
    private Set<String> burst(CrashSafetyApp app, CrashSafetyMailServer mail) throws Exception {
        CrashSafetyJoinClient client = new CrashSafetyJoinClient(app.base());
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> retried = ConcurrentHashMap.newKeySet();
        Set<String> unansweredAtSubmit = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failedAttempts = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            workers.add(worker("applicant-" + w, () -> {
                for (int i; (i = next.getAndIncrement()) < APPLICANTS; ) {
                    String email = "crash-" + i + "@example.org";
                    while (true) {
                        try {
                            client.submit(email);
                            accepted.add(email);
                            break;
                        } catch (CrashSafetyJoinClient.Unanswered unanswered) {
                            // What a person does when the page did not answer: try again a little later.
                            retried.add(email);
                            failedAttempts.incrementAndGet();
                            if (unanswered.atSubmit) {
                                unansweredAtSubmit.add(email);
                            }
                            pause(500);
                        }
                    }
                }
            }));
        }
        await(() -> accepted.size() >= APPLICANTS * KILL_AT, Duration.ofMinutes(15), "40 % accepted");
        double untilKill = seconds(started);
        int acceptedAtKill = accepted.size();
        app.kill();
        long killed = System.nanoTime();
        int deliveredAtKill = mail.deliveries();
        // The engine's jobs the dead node had acquired: nobody runs them until their lock expires.
        long lockedByTheDead =
                db.count("SELECT count(*) FROM act_ru_job WHERE type_ = 'message' AND lock_exp_time_ > now()");
        Duration restart = app.start();
        join(workers);
        double burst = seconds(started);
        await(
                () -> accepted.stream().allMatch(mail.confirmTokens()::containsKey) && drained(),
                DRAIN,
                "every accepted questionnaire's confirmation delivered");
        double drainedAfterKill = seconds(killed);

        long applications = db.count("SELECT count(*) FROM membership_application");
        long storedTwice = db.count(
                "SELECT count(*) FROM (SELECT email FROM membership_application GROUP BY email HAVING count(*) > 1) t");
        Map<String, Long> sent = deliveredPerTemplate(mail, "confirm-email");
        long lost = accepted.stream()
                .filter(e -> !mail.confirmTokens().containsKey(e))
                .count();
        report.add("");
        report.add("| phase 1: kill -9 in the middle of the burst | |");
        report.add("|---|---|");
        report.add("| questionnaires submitted (distinct applicants, %d clients) | %,d |", CLIENTS, APPLICANTS);
        report.add(
                "| accepted when the app was killed | %,d, after %.1f s (%,d mails delivered by then) |",
                acceptedAtKill, untilKill, deliveredAtKill);
        report.add(
                "| applicants whose page got no answer, and submitted again | %,d (%,d failed attempts) |",
                retried.size(), failedAttempts.get());
        report.add(
                "| of them, unanswered at the final submit / stored before the kill | %,d / %,d |",
                unansweredAtSubmit.size(), storedTwice);
        report.add("| restart until ready | %.1f s |", restart.toMillis() / 1000.0);
        report.add(
                "| engine jobs left locked by the killed app (they wait for their lock to expire) | %,d |",
                lockedByTheDead);
        report.add(
                "| accepted in the end | %,d in %.1f s (%.1f /s, the restart included) |",
                accepted.size(), burst, accepted.size() / burst);
        report.add("| applications stored | %,d |", applications);
        report.add(
                "| confirmation mails delivered (distinct Message-IDs) | %,d, the last %.1f s after the kill |",
                sent.get("distinct"), drainedAfterKill);
        report.add("| delivered twice (same Message-ID) | %,d |", sent.get("duplicates"));
        report.add("| **lost** (accepted, no confirmation delivered) | **%,d** |", lost);

        assertThat(accepted).hasSize(APPLICANTS);
        assertThat(lost)
                .as("accepted questionnaires without a delivered confirmation")
                .isZero();
        assertThat(applications).isEqualTo(APPLICANTS + storedTwice);
        // Only a questionnaire whose final submit was in flight at the kill can have been stored without an answer.
        assertThat(storedTwice).isLessThanOrEqualTo(unansweredAtSubmit.size());
        assertThat(sent.get("distinct")).isEqualTo(applications);
        assertThat(sent.get("duplicates")).as("one batch in flight at the kill").isLessThanOrEqualTo(BATCH);
        return accepted;
    }

    /**
     * Phase 2: every applicant presses the link while the sender waits (a backlog of welcome mails builds, as
     * behind a slow or absent mail server), then the app is killed in the middle of sending the backlog.
     */
    private void welcomeBacklog(CrashSafetyApp app, CrashSafetyMailServer mail, Set<String> accepted) throws Exception {
        app.stop();
        app.start("--clientclub.mail.outbox.poll-interval=PT1H");
        CrashSafetyJoinClient client = new CrashSafetyJoinClient(app.base());
        List<String> applicants = new ArrayList<>(accepted);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            workers.add(worker("confirming-" + w, () -> {
                for (int i; (i = next.getAndIncrement()) < applicants.size(); ) {
                    try {
                        if (client.confirm(mail.confirmTokens().get(applicants.get(i)))) {
                            confirmed.incrementAndGet();
                        }
                    } catch (CrashSafetyJoinClient.Unanswered e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        join(workers);
        await(
                () -> db.count("SELECT count(*) FROM mail_outbox WHERE template = 'welcome' AND status = 'PENDING'")
                                >= applicants.size()
                        && drainedJobs(),
                DRAIN,
                "every welcome mail in the outbox");
        double confirming = seconds(started);
        long backlog = db.count("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'");
        app.stop();

        int before = mail.deliveries();
        // Half-way into a batch: the messages of that batch the server took are sent again after the restart.
        int killAt = before + (int) (backlog * KILL_AT) + BATCH / 2;
        CountDownLatch killed = new CountDownLatch(1);
        mail.beforeAnswer(n -> {
            if (n == killAt) {
                try {
                    app.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed.countDown();
            }
        });
        long sending = System.nanoTime();
        app.startMayBeKilled();
        assertThat(killed.await(5, TimeUnit.MINUTES)).as("killed while sending").isTrue();
        double untilKill = seconds(sending);
        mail.beforeAnswer(n -> {});
        long killedAt = System.nanoTime();
        Duration restart = app.start();
        await(() -> drained(), DRAIN, "the outbox drained");
        double drainedAfterKill = seconds(killedAt);

        long members = db.count("SELECT count(*) FROM membership_member");
        Map<String, Long> welcome = deliveredPerTemplate(mail, "welcome");
        long lost = db.count("SELECT count(*) FROM membership_member m WHERE NOT EXISTS (SELECT 1 FROM mail_outbox o"
                + " WHERE o.template = 'welcome' AND o.recipient = m.email AND o.status = 'SENT')");
        long undelivered = undelivered(mail, "welcome");
        report.add("");
        report.add("| phase 2: kill -9 in the middle of sending a backlog | |");
        report.add("|---|---|");
        report.add(
                "| confirmation links pressed | %,d in %.1f s, until every welcome mail was in the outbox |",
                confirmed.get(), confirming);
        report.add("| members created | %,d |", members);
        report.add("| backlog when the sender started | %,d mails |", backlog);
        report.add(
                "| delivered when the app was killed | %,d, %.1f s after it was started (its start included; %d-message batches) |",
                killAt - before, untilKill, BATCH);
        report.add("| restart until ready | %.1f s |", restart.toMillis() / 1000.0);
        report.add(
                "| welcome mails delivered (distinct Message-IDs) | %,d, the last %.1f s after the kill |",
                welcome.get("distinct"), drainedAfterKill);
        report.add("| delivered twice (same Message-ID) | %,d |", welcome.get("duplicates"));
        report.add("| **lost** (member without a delivered welcome) | **%,d** |", lost + undelivered);

        assertThat(confirmed.get()).isEqualTo(applicants.size());
        assertThat(members).as("one member per applicant").isEqualTo(applicants.size());
        assertThat(lost + undelivered).as("members without a delivered welcome").isZero();
        assertThat(welcome.get("distinct")).isEqualTo(members);
        // The kill came before the server answered a message: that one at least is sent again.
        assertThat(welcome.get("duplicates")).as("one batch in flight").isBetween(1L, (long) BATCH);
    }

    private final List<Throwable> workerFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Thread worker(String name, Runnable work) {
        Thread thread = new Thread(
                () -> {
                    try {
                        work.run();
                    } catch (RuntimeException | Error e) {
                        workerFailures.add(e);
                    }
                },
                name);
        thread.start();
        return thread;
    }

    private void join(List<Thread> workers) throws InterruptedException {
        for (Thread worker : workers) {
            worker.join();
        }
        if (!workerFailures.isEmpty()) {
            AssertionError failed = new AssertionError("A client failed", workerFailures.get(0));
            workerFailures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }

    /** Nothing left to send and no continuation job left, locked by a dead node or not. */
    private boolean drained() {
        return db.count("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'") == 0 && drainedJobs();
    }

    private boolean drainedJobs() {
        return db.count("SELECT count(*) FROM act_ru_job WHERE type_ = 'message'") == 0;
    }

    /** The template's mails at the server, by Message-ID: how many distinct, how many deliveries beyond the first. */
    private Map<String, Long> deliveredPerTemplate(CrashSafetyMailServer mail, String template) {
        List<String> ids = db.strings("SELECT message_id FROM mail_outbox WHERE template = '" + template + "'");
        long distinct = 0;
        long duplicates = 0;
        for (String id : ids) {
            CrashSafetyMailServer.Delivery delivery = mail.byMessageId().get(id);
            if (delivery != null) {
                distinct++;
                duplicates += delivery.times().get() - 1;
            }
        }
        return Map.of("distinct", distinct, "duplicates", duplicates);
    }

    private long undelivered(CrashSafetyMailServer mail, String template) {
        return db.strings("SELECT message_id FROM mail_outbox WHERE template = '" + template + "'").stream()
                .filter(id -> !mail.byMessageId().containsKey(id))
                .count();
    }

    private static void await(BooleanSupplier condition, Duration atMost, String what) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + atMost + ": " + what);
            }
            pause(200);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
