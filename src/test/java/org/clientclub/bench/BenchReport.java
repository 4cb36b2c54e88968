package org.clientclub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmarks share: a fresh database on the server, and a results table printed and written to target/. */
final class BenchReport {

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    BenchReport(String name) {
        this.file = Path.of("target", "benchmarks", name + ".md");
    }

    /** Drops and creates the database on the PostgreSQL server at 127.0.0.1:5432. */
    static void freshDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    void add(String format, Object... args) throws IOException {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println(line);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    /**
     * CPU time (user and system) used so far by this JVM and by the PostgreSQL server's processes, from Linux's /proc:
     * what a step cost beside how long it took. A server process that ended meanwhile (an autovacuum worker) is not
     * counted. Of the JVM's time, what its JIT compiler threads and its garbage collector's threads took is given apart.
     */
    record Cpu(double jvmSeconds, double postgresSeconds, double jitSeconds, double gcSeconds) {

        /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
        private static final double TICKS = 100.0;

        static Cpu now() throws IOException {
            double postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes
                        .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    try {
                        if ("postgres"
                                .equals(Files.readString(process.resolve("comm"))
                                        .strip())) {
                            postgres += ticks(process);
                        }
                    } catch (IOException e) {
                        // the process ended while the list was read
                    }
                }
            }
            long jit = 0;
            long gc = 0;
            try (var threads = Files.list(Path.of("/proc/self/task"))) {
                for (Path thread : threads.toList()) {
                    try {
                        String name = Files.readString(thread.resolve("comm")).strip();
                        if (name.matches("C[12] CompilerThre.*")) {
                            jit += ticks(thread);
                        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                            gc += ticks(thread);
                        }
                    } catch (IOException e) {
                        // the thread ended while the list was read
                    }
                }
            }
            return new Cpu(ticks(Path.of("/proc/self")) / TICKS, postgres / TICKS, jit / TICKS, gc / TICKS);
        }

        /** utime + stime, the 14th and 15th fields of /proc/[pid]/stat (counted after the command name's parenthesis). */
        private static long ticks(Path process) throws IOException {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        Cpu since(Cpu before) {
            return new Cpu(
                    jvmSeconds - before.jvmSeconds,
                    postgresSeconds - before.postgresSeconds,
                    jitSeconds - before.jitSeconds,
                    gcSeconds - before.gcSeconds);
        }

        /** How busy the machine's cores were over {@code seconds}, by this JVM and the server together. */
        String describe(double seconds) {
            return String.format(
                    "JVM %.1f s (JIT %.1f s, GC %.1f s) + PostgreSQL %.1f s of CPU in %.2f s (%.0f%% of %d cores)",
                    jvmSeconds,
                    jitSeconds,
                    gcSeconds,
                    postgresSeconds,
                    seconds,
                    100
                            * (jvmSeconds + postgresSeconds)
                            / seconds
                            / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Samples the heap in use every 50 ms into {@code peak} until interrupted. */
    static Thread heapWatcher(AtomicLong peak) {
        Thread watcher = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-heap-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
