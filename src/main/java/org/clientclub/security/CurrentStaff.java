package org.clientclub.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The member of staff behind the current request or UI access. */
public record CurrentStaff(String username, Set<String> roles) {

    public static Optional<CurrentStaff> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentStaff(auth.getName(), roles));
    }

    public static CurrentStaff require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not logged in"));
    }
}
