package org.clientclub.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.clientclub.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One filter chain for the staff app, the public member pages and the Camunda webapps. Public pages are the
 * questionnaire and the pages members reach from e-mail links; everything else needs a staff log-in, and the
 * Camunda admin webapp needs the ADMIN role.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /** Plain HTTP pages that members reach without an account. */
    static final String[] PUBLIC_PAGES = {"/confirm/**", "/guardian/**", "/join/questionnaire.pdf", "/unsubscribe/**",
            "/card/**", "/error"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(PUBLIC_PAGES).permitAll()
                // Staff log in once, through /login and its throttle; the webapps' own log-in and the engine's
                // password check would be doors round it (and used to count towards the engine's lock-out).
                .requestMatchers("/camunda/api/admin/auth/user/*/login/**", "/camunda/api/engine/engine/*/identity/verify")
                .denyAll()
                .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/setup/**").hasRole(AppRoles.ADMIN)
                .requestMatchers("/camunda/**").hasAnyRole(AppRoles.ALL.toArray(String[]::new)));
        // The Camunda webapps bring their own CSRF protection (X-XSRF-TOKEN), which Spring's would reject; mail
        // clients send one-click unsubscribes (RFC 8058) without a token, and the unguessable token is the guard.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/unsubscribe/**"));
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login"));
        return http.build();
    }
}
