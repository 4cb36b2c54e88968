package org.clientclub.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.clientclub.shared.db.EmbeddedPostgresConfiguration.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL no longer trusts every local connection: without the generated password nobody gets in, as
 * the superuser or otherwise; a kept cluster finds its password again after a restart.
 */
class EmbeddedPostgresPasswordTest {

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    @Test
    void aThrowAwayClusterLetsInOnlyTheApplication() throws Exception {
        try (EmbeddedServer server = configuration.embeddedPostgres("", 0)) {
            int port = server.postgres().getPort();

            assertRefused(port, null);
            assertRefused(port, "postgres");
            assertRefused(port, "");
            assertThat(canLogIn(port, server.password())).isTrue();
        }
    }

    @Test
    void aKeptClusterKeepsItsPasswordForTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        String first;
        try (EmbeddedServer server = configuration.embeddedPostgres(data.toString(), 0)) {
            first = server.password();
            assertRefused(server.postgres().getPort(), null);
        }
        Path file = data.resolve(EmbeddedPostgresPassword.PASSWORD_FILE);
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        try (EmbeddedServer again = configuration.embeddedPostgres(data.toString(), 0)) {
            assertThat(again.password()).isEqualTo(first);
            assertThat(canLogIn(again.postgres().getPort(), first)).isTrue();
            assertRefused(again.postgres().getPort(), null);
        }

        Files.delete(file);
        assertThatThrownBy(() -> configuration.embeddedPostgres(data.toString(), 0))
                .hasMessageContaining("asks for a password")
                .hasMessageContaining(EmbeddedPostgresPassword.PASSWORD_FILE);
    }

    @Test
    void aClusterFromBeforeThePasswordGetsOneAtItsNextStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedServer server = configuration.embeddedPostgres(data.toString(), 0)) {
            assertThat(server.password()).isNotEmpty();
        }
        // what zonky's initdb -A trust left before this version
        Files.delete(data.resolve(EmbeddedPostgresPassword.PASSWORD_FILE));
        Files.writeString(
                data.resolve("pg_hba.conf"),
                "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");

        try (EmbeddedServer upgraded = configuration.embeddedPostgres(data.toString(), 0)) {
            assertRefused(upgraded.postgres().getPort(), null);
            assertThat(canLogIn(upgraded.postgres().getPort(), upgraded.password()))
                    .isTrue();
            assertThat(Files.readString(data.resolve(EmbeddedPostgresPassword.PASSWORD_FILE)))
                    .isEqualTo(upgraded.password());
        }
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> canLogIn(port, password))
                .as("log-in with password " + password)
                .isInstanceOf(SQLException.class);
    }

    private static boolean canLogIn(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresPassword.jdbcUrl(port), properties)) {
            return connection.isValid(2);
        }
    }
}
