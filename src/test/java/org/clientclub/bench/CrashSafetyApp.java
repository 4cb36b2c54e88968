package org.clientclub.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application as a process of its own, as it runs in production: the {@code production} profile, its settings
 * from CLIENTCLUB_* environment variables, the PostgreSQL server and the benchmark's SMTP server. Started again on
 * the same database after {@link #kill()}, which is {@code kill -9}: no shutdown hook, no closing of connections.
 */
final class CrashSafetyApp {

    static final String ADMIN_PASSWORD = "crash-bench-admin-password";

    private final String database;
    private final int httpPort;
    private final int smtpPort;
    private final Path logs;
    private int starts;
    private Process process;

    CrashSafetyApp(String database, int httpPort, int smtpPort, Path logs) {
        this.database = database;
        this.httpPort = httpPort;
        this.smtpPort = smtpPort;
        this.logs = logs;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** Starts the app with the given extra settings (--name=value) and waits until it is ready for traffic. */
    Duration start(String... settings) throws IOException, InterruptedException {
        long started = System.nanoTime();
        launch(settings);
        if (!awaitReady()) {
            throw new IllegalStateException("The app ended while starting, exit " + process.exitValue() + "; see "
                    + logs.resolve("app-" + starts + ".log"));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts the app and waits until it is ready or has ended (killed by the benchmark while it starts). */
    void startMayBeKilled(String... settings) throws IOException, InterruptedException {
        launch(settings);
        awaitReady();
    }

    private void launch(String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "org.clientclub.ClientClubApplication",
                "--server.port=" + httpPort,
                // One address sends every questionnaire here; the daily caps are for strangers, not for this test.
                "--clientclub.join.rate-limit-per-hour=1000000",
                "--clientclub.mail.quota.total-per-day=1000000",
                "--logging.level.org.clientclub=INFO"));
        command.addAll(Arrays.asList(settings));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("CLASSPATH", applicationClassPath());
        env.put("SPRING_PROFILES_ACTIVE", "production");
        env.put("CLIENTCLUB_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("CLIENTCLUB_DB_USER", "postgres");
        env.put("CLIENTCLUB_DB_PASSWORD", "");
        env.put("CLIENTCLUB_SMTP_HOST", "127.0.0.1");
        env.put("CLIENTCLUB_SMTP_PORT", String.valueOf(smtpPort));
        // GreenMail offers no STARTTLS; the default requires it.
        env.put("CLIENTCLUB_SMTP_STARTTLS", "false");
        env.put("CLIENTCLUB_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Plain HTTP on the loopback, as the production settings' own comment allows for a test.
        env.put("SERVER_SERVLET_SESSION_COOKIE_SECURE", "false");
        Files.createDirectories(logs);
        starts++;
        builder.redirectErrorStream(true)
                .redirectOutput(logs.resolve("app-" + starts + ".log").toFile());
        process = builder.start();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            kill();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** @return true when ready, false when the process ended first */
    private boolean awaitReady() throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The app was not ready within 4 minutes");
    }

    /**
     * The test run's class path without the test classes and resources: the app must run on what it ships with,
     * not on the tests' logging or profiles. Surefire names the real class path in surefire.test.class.path.
     */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
