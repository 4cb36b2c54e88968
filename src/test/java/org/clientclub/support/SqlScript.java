package org.clientclub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;

/**
 * A SQL script from the class path run as one string, which the PostgreSQL driver splits itself: unlike Spring's
 * ScriptUtils it keeps a dollar-quoted function body (db/engine-indexes V33) whole.
 */
public final class SqlScript {

    private SqlScript() {}

    public static void run(DataSource dataSource, String classpathResource) throws SQLException {
        String sql;
        try {
            sql = new ClassPathResource(classpathResource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
