package org.clientclub.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Takes away the trust zonky's embedded cluster gives every local connection ({@code initdb -A trust}): the
 * superuser gets a generated password and {@code pg_hba.conf} then asks every connection, over TCP or the unix socket,
 * for it (SCRAM-SHA-256). A kept cluster keeps its password in {@value #PASSWORD_FILE} inside its data directory,
 * readable by the owner only, like the data; a throw-away cluster gets a new one at every start. On the first start
 * of a new cluster the trust lasts from the server's start until the configuration is reloaded, a moment later.
 */
final class EmbeddedPostgresPassword {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "clientclub-superuser-password";
    private static final String MARKER = "# clientclub: every connection needs the superuser's password";

    private EmbeddedPostgresPassword() {}

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /**
     * The password of a kept cluster, empty when it has none yet (a new cluster, or one from before the password).
     * @throws IllegalStateException when the cluster asks for a password whose file is gone
     */
    static Optional<String> kept(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(
                        Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Path hba = dataDir.resolve("pg_hba.conf");
            if (Files.isRegularFile(hba)
                    && Files.readString(hba, StandardCharsets.UTF_8).contains(MARKER)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " asks for a password, and "
                        + file + " which held it is gone. Put it back, or delete " + dataDir + " to start afresh.");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the password on the running cluster, keeps it in a kept cluster, and asks every connection for it. */
    static void require(int port, String password) {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port), credentials);
                Statement statement = connection.createStatement()) {
            // the password is a URL-safe Base64 token: nothing in it needs quoting
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Path dataDir = Path.of(setting(statement, "data_directory"));
            keep(dataDir.resolve(PASSWORD_FILE), password);
            Files.writeString(
                    Path.of(setting(statement, "hba_file")),
                    MARKER + "\nlocal all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
                            + "host all all ::1/128 scram-sha-256\n",
                    StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void keep(Path file, String password) throws IOException {
        if (Files.isRegularFile(file)
                && Files.readString(file, StandardCharsets.UTF_8).strip().equals(password)) {
            return;
        }
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, password, StandardCharsets.UTF_8);
    }
}
