package org.clientclub.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.clientclub.security.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} for a Prometheus server, which cannot log in through {@code /login}: HTTP Basic with
 * one scrape credential from {@code CLIENTCLUB_METRICS_USERNAME} (default {@code prometheus}) and
 * {@code CLIENTCLUB_METRICS_PASSWORD_FILE} or {@code CLIENTCLUB_METRICS_PASSWORD}. The credential opens this endpoint
 * and nothing else (it is no staff account: the staff app and the Camunda webapps do not know it), never creates a
 * session, and must be at least {@value #MINIMUM_LENGTH} characters, since nothing throttles guesses here. An ADMIN's
 * session reads the endpoint as before. Without a configured credential Basic is off and only ADMIN gets in.
 */
@Configuration
class MetricsScrapeSecurity {

    static final String USERNAME = "clientclub.metrics.username";
    static final String PASSWORD = "clientclub.metrics.password";
    static final int MINIMUM_LENGTH = 20;
    /** The scraper's only authority; no staff role, so no page of the app lets it in. */
    static final String SCRAPER = "METRICS_SCRAPER";

    private static final SecretSetting SECRET = new SecretSetting(PASSWORD, "CLIENTCLUB_METRICS_PASSWORD");
    private static final Logger log = LoggerFactory.getLogger(MetricsScrapeSecurity.class);

    /** Before the app's chain, which would send a scraper to the log-in page. */
    @Bean
    @Order(1)
    SecurityFilterChain metricsScrape(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(EndpointRequest.to(PrometheusScrapeEndpoint.class))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(AppRoles.ADMIN, SCRAPER))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // A read-only GET; the app's chain keeps CSRF for everything that changes something.
                .csrf(csrf -> csrf.disable());
        Optional<String> password = SECRET.read(environment);
        if (password.isPresent()) {
            String username = environment.getProperty(USERNAME, "prometheus").trim();
            http.authenticationManager(new ProviderManager(scraper(username, password.get())))
                    .httpBasic(basic -> basic.realmName("client-club metrics"));
            log.info("/actuator/prometheus takes the scrape credential of {} (HTTP Basic)", username);
        }
        return http.build();
    }

    static AuthenticationProvider scraper(String username, String password) {
        if (password.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("CLIENTCLUB_METRICS_PASSWORD must be at least " + MINIMUM_LENGTH
                    + " characters: nothing throttles guesses at the scrape endpoint");
        }
        byte[] expected = digest(username + '\n' + password);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication given) {
                byte[] offered = digest(given.getName() + '\n' + given.getCredentials());
                if (!MessageDigest.isEqual(expected, offered)) {
                    throw new BadCredentialsException("Bad scrape credential");
                }
                return UsernamePasswordAuthenticationToken.authenticated(
                        username, null, List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER)));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** Compared as digests, in constant time, so neither length nor content leaks through timing. */
    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
