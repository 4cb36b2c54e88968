package org.clientclub.security.internal;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Whether this start is the embedded demo default ({@code ./mvnw spring-boot:run}: embedded PostgreSQL, in-process mail
 * server). Any one of these leaves it: the {@code production} or {@code compose} profile, a configured
 * {@code spring.datasource.url}, or {@code clientclub.mail.embedded=false}. Outside it demo accounts are refused and the
 * first ADMIN comes from the environment (docs/decisions/0030).
 */
final class DemoDefault {

    private DemoDefault() {}

    /** Why this start is not the demo default, or empty when it is. */
    static Optional<String> leftBecause(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            return Optional.of("the production profile is active");
        }
        if (environment.acceptsProfiles(Profiles.of("compose"))) {
            return Optional.of("the compose profile is active");
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return Optional.of("spring.datasource.url names a database server");
        }
        if (!environment.getProperty("clientclub.mail.embedded", Boolean.class, true)) {
            return Optional.of("clientclub.mail.embedded is false");
        }
        return Optional.empty();
    }
}
