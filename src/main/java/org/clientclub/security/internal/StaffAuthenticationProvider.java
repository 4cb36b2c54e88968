package org.clientclub.security.internal;

import java.util.List;
import org.clientclub.security.LoginThrottled;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks log-ins against the {@link StaffDirectory}; roles become {@code ROLE_*} authorities. Too many failures
 * from the client's address or for the user name ({@link LoginThrottle}) refuse the log-in before the password is
 * checked.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffDirectory directory;
    private final LoginThrottle throttle;

    StaffAuthenticationProvider(StaffDirectory directory, LoginThrottle throttle) {
        this.directory = directory;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (!throttle.allows(address, username)) {
            throw new LoginThrottled();
        }
        StaffAccount account = directory.authenticate(username, password).orElse(null);
        if (account == null) {
            throttle.failed(address, username);
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        User principal = new User(account.username(), "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
