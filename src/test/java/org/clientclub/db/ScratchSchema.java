package org.clientclub.db;

import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A schema of its own in the test database, migrated step by step, to see what a migration does to a database
 * that ran the club before it.
 */
final class ScratchSchema implements AutoCloseable {

    final String name;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ScratchSchema(String prefix, DataSource dataSource, JdbcClient jdbc) {
        this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Whichever migration came last before {@code version}: the versions below it belong to other changes. */
    String versionBefore(String version) {
        return Arrays.stream(flyway().load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> !v.isAtLeast(version))
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    void migrateTo(String version) {
        flyway().target(version).load().migrate();
    }

    @Override
    public void close() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + name + " CASCADE").update();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(name).locations("classpath:db/migration");
    }
}
