package org.clientclub.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many wrong passwords lately from this address or for this user name: the log-in is refused without checking
 * the password, for a few minutes, and the log-in page says so.
 */
public class LoginThrottled extends AuthenticationException {

    public LoginThrottled() {
        super("Too many failed log-ins; try again in a few minutes");
    }
}
