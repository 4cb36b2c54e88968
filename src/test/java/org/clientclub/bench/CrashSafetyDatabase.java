package org.clientclub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The crash benchmark's look into the app's database, from outside the app: counts, and the database's life. */
final class CrashSafetyDatabase {

    private final String database;

    CrashSafetyDatabase(String database) {
        this.database = database;
    }

    long count(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Starts the PostgreSQL server if it is down (benchmarks use it, and a machine may boot without it). */
    static void serverUp() throws IOException, InterruptedException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            return;
        } catch (SQLException down) {
            try (var versions = Files.list(Path.of("/etc/postgresql"))) {
                for (Path version : versions.toList()) {
                    new ProcessBuilder(
                                    "pg_ctlcluster",
                                    "--skip-systemctl-redirect",
                                    version.getFileName().toString(),
                                    "main",
                                    "start")
                            .inheritIO()
                            .start()
                            .waitFor();
                }
            }
        }
    }
}
