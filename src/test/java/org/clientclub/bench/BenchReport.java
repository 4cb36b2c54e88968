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

    /** Samples the heap in use every 50 ms into {@code peak} until interrupted. */
    static Thread heapWatcher(AtomicLong peak) {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
