package org.clientclub.security.internal;

import org.clientclub.security.AppRoles;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who reaches the actuator endpoints: health and its probes (/actuator/health, /actuator/health/liveness,
 * /actuator/health/readiness and the other groups) anyone, for load balancers and supervisors, which see the status
 * alone ({@code management.endpoint.health.show-details=when-authorized}); every other exposed endpoint (metrics,
 * prometheus, info) ADMIN only, and prometheus also the scrape credential of {@link MetricsScrapeSecurity}. Which endpoints exist at all is {@code management.endpoints.web.exposure.include}.
 */
final class ActuatorAccess {

    private ActuatorAccess() {}

    static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                .permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint())
                .hasRole(AppRoles.ADMIN);
    }
}
