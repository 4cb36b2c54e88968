package org.clientclub.security.internal;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import java.util.stream.Stream;
import org.clientclub.security.AppRoles;
import org.clientclub.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for the staff app, the public member pages and the Camunda webapps. Public pages are the
 * questionnaire and the pages members reach from e-mail links; everything else needs a staff log-in, and the
 * Camunda admin webapp needs the ADMIN role. Each kind of page gets the Content-Security-Policy it can live with; the
 * token pages also send no referrer, so their address with its token never reaches another site.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /** The pages members open from links in their e-mail; the link's token is in the address. */
    private static final String[] TOKEN_PAGE_PATHS = {"/confirm/**", "/guardian/**", "/unsubscribe/**", "/card/**"};

    /** Plain HTTP pages that members reach without an account. */
    static final String[] PUBLIC_PAGES = Stream.concat(
                    Stream.of(TOKEN_PAGE_PATHS), Stream.of("/join/questionnaire.pdf", "/error"))
            .toArray(String[]::new);

    private static final RequestMatcher TOKEN_PAGES = new OrRequestMatcher(Stream.of(TOKEN_PAGE_PATHS)
            .map(PathPatternRequestMatcher.withDefaults()::matcher)
            .toArray(RequestMatcher[]::new));
    /** Everything but the token pages and the Camunda webapps, which send a policy of their own with a nonce. */
    private static final RequestMatcher STAFF_APP = new NegatedRequestMatcher(new OrRequestMatcher(
            TOKEN_PAGES, PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")));

    /**
     * Server-rendered HTML with a form that posts back and the card's images: nothing else may load, no script at all,
     * and no other site may frame them (a framed confirmation button could be clicked by a trick).
     */
    static final String TOKEN_PAGE_POLICY =
            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The Vaadin app: Flow's bootstrap and its executeJs calls need inline scripts and eval, Lumo and components set
     * inline styles, and images come as data: and blob: URLs (card codes, uploads). Frames only from here (a
     * transcription's PDF; the demo mailbox's srcdoc frame, which is sandboxed without scripts as well), no plugins,
     * and nothing posts or connects elsewhere. What this policy still stops is any script, style or connection from
     * another origin that injected markup would pull in.
     */
    static final String STAFF_APP_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
                .permitAll()
                // Staff log in once, through /login and its throttle; the webapps' own log-in and the engine's
                // password check would be doors round it (and used to count towards the engine's lock-out).
                .requestMatchers(
                        "/camunda/api/admin/auth/user/*/login/**", "/camunda/api/engine/engine/*/identity/verify")
                .denyAll()
                .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/setup/**")
                .hasRole(AppRoles.ADMIN)
                .requestMatchers("/camunda/**")
                .hasAnyRole(AppRoles.ALL.toArray(String[]::new)));
        // Actuator: health for anyone (status only), the rest for ADMIN (docs/decisions/0032-health-and-metrics.md)
        http.authorizeHttpRequests(ActuatorAccess::rules);
        // The Camunda webapps bring their own CSRF protection (X-XSRF-TOKEN), which Spring's would reject; mail
        // clients send one-click unsubscribes (RFC 8058) without a token, and the unguessable token is the guard.
        // Vaadin's own requests carry Vaadin's token. The log-in form posts Spring's token (the page's _csrf meta
        // tags): Vaadin's default would exempt POST /login, and a foreign page could log a browser in as the
        // attacker (login CSRF), so the exemptions are set here instead of by Vaadin.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .ignoringRequestMatchers("/camunda/**", "/unsubscribe/**"));
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        TOKEN_PAGES,
                        new StaticHeadersWriter(List.of(
                                new Header("Content-Security-Policy", TOKEN_PAGE_POLICY),
                                new Header("Referrer-Policy", "no-referrer")))))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        STAFF_APP, new StaticHeadersWriter("Content-Security-Policy", STAFF_APP_POLICY))));
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class, "/login").enableCsrfConfiguration(false));
        return http.build();
    }
}
