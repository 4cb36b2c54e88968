package org.clientclub.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production and compose profiles refuse to start without the settings that have no default there, the
 * database password first of all, and the production profile's file keeps the demo's conveniences off.
 */
class ProductionEnvironmentCheckTest {

    @Test
    void productionWithoutTheDatabasePasswordIsRefusedNamingIt() {
        MockEnvironment environment = production()
                .withProperty("CLIENTCLUB_DB_URL", "jdbc:postgresql://db:5432/club")
                .withProperty("CLIENTCLUB_DB_USER", "club");

        assertThatThrownBy(() -> ProductionEnvironmentCheck.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The production profile needs")
                .hasMessageContaining("CLIENTCLUB_DB_PASSWORD: the database password")
                .hasMessageNotContaining("CLIENTCLUB_DB_URL");
    }

    @Test
    void productionNamesEverySettingItMisses() {
        assertThatThrownBy(() -> ProductionEnvironmentCheck.check(production()))
                .hasMessageContaining("CLIENTCLUB_DB_URL")
                .hasMessageContaining("CLIENTCLUB_DB_USER")
                .hasMessageContaining("CLIENTCLUB_DB_PASSWORD");
    }

    @Test
    void productionWithEverySettingStarts() {
        MockEnvironment environment = production()
                .withProperty("CLIENTCLUB_DB_URL", "jdbc:postgresql://db:5432/club")
                .withProperty("CLIENTCLUB_DB_USER", "club")
                .withProperty("CLIENTCLUB_DB_PASSWORD", "s3cret");

        assertThatCode(() -> ProductionEnvironmentCheck.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void composeHasLocalDefaultsButNoDefaultPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("compose");

        assertThatThrownBy(() -> ProductionEnvironmentCheck.check(environment))
                .hasMessageContaining("The compose profile needs")
                .hasMessageContaining("CLIENTCLUB_DB_PASSWORD")
                .hasMessageNotContaining("CLIENTCLUB_DB_URL");
        environment.setProperty("CLIENTCLUB_DB_PASSWORD", "");
        assertThatCode(() -> ProductionEnvironmentCheck.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void theDemoDefaultNeedsNothing() {
        assertThatCode(() -> ProductionEnvironmentCheck.check(new MockEnvironment()))
                .doesNotThrowAnyException();
    }

    @Test
    void theCheckRunsAtEveryStart() throws IOException {
        List<String> registered = new ArrayList<>();
        for (URL url : Collections.list(
                getClass().getClassLoader().getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            registered.add(factories.getProperty(EnvironmentPostProcessor.class.getName(), ""));
        }

        assertThat(registered).anyMatch(names -> names.contains(ProductionEnvironmentCheck.class.getName()));
    }

    @Test
    void theProductionProfileTurnsTheDemoOffAndRequiresStartTlsAndSecureCookies() throws IOException {
        PropertySource<?> production = yaml("application-production.yaml");

        assertThat(production.getProperty("clientclub.demo.accounts")).isEqualTo(false);
        assertThat(production.getProperty("clientclub.mail.embedded")).isEqualTo(false);
        assertThat(production.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo(true);
        assertThat(String.valueOf(production.getProperty("spring.datasource.password")))
                .isEqualTo("${CLIENTCLUB_DB_PASSWORD}");
        assertThat(String.valueOf(production.getProperty("spring.mail.properties.mail.smtp.starttls.required")))
                .isEqualTo("${CLIENTCLUB_SMTP_STARTTLS:true}");
        PropertySource<?> compose = yaml("application-compose.yaml");
        assertThat(compose.getProperty("clientclub.demo.accounts")).isEqualTo(false);
        assertThat(compose.getProperty("server.servlet.session.cookie.secure")).isEqualTo(true);
        assertThat(String.valueOf(compose.getProperty("spring.datasource.password")))
                .isEqualTo("${CLIENTCLUB_DB_PASSWORD}");
    }

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        return environment;
    }

    private static PropertySource<?> yaml(String name) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        return sources.get(0);
    }
}
