package org.clientclub.shared.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code production} or {@code compose} profile without the settings that have no default there,
 * before anything tries to connect: a missing database password would otherwise reach the driver as the literal text
 * of its placeholder. A variable set to the empty string counts as given (a database that authenticates otherwise).
 */
class ProductionEnvironmentCheck implements EnvironmentPostProcessor, Ordered {

    static final String PRODUCTION = "production";
    static final String COMPOSE = "compose";

    private static final Map<String, String> PRODUCTION_NEEDS = new LinkedHashMap<>();

    static {
        PRODUCTION_NEEDS.put("CLIENTCLUB_DB_URL", "the JDBC URL of the PostgreSQL database");
        PRODUCTION_NEEDS.put("CLIENTCLUB_DB_USER", "the database user");
        PRODUCTION_NEEDS.put("CLIENTCLUB_DB_PASSWORD", "the database password");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    static void check(ConfigurableEnvironment environment) {
        String profile;
        Map<String, String> needs;
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            profile = PRODUCTION;
            needs = PRODUCTION_NEEDS;
        } else if (environment.acceptsProfiles(Profiles.of(COMPOSE))) {
            profile = COMPOSE;
            needs = Map.of("CLIENTCLUB_DB_PASSWORD", "the database password, the same as for docker compose");
        } else {
            return;
        }
        List<String> missing = new ArrayList<>();
        needs.forEach((name, what) -> {
            if (environment.getProperty(name) == null) {
                missing.add("    " + name + ": " + what);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The " + profile + " profile needs these environment variables, which have"
                    + " no default:\n" + String.join("\n", missing) + "\n(README.md, \"Production settings\")");
        }
    }

    /** After the configuration files are read, so the profiles they activate count. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
