package org.clientclub.security.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.clientclub.security.AppRoles;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the first ADMIN when no staff account has the role: the user name from {@code CLIENTCLUB_ADMIN_USERNAME}
 * ({@code admin} by default), the password from {@code CLIENTCLUB_ADMIN_PASSWORD} or, better, from the file that
 * {@code CLIENTCLUB_ADMIN_PASSWORD_FILE} names (a container secret; line breaks at its end are not part of it). Once an
 * ADMIN exists nothing happens, so a password left in the environment never overwrites one set since. Without a
 * password and without an ADMIN the start goes on and a WARN says how to create one: the application still serves
 * members, and the Camunda webapps' set-up page is closed to anybody but staff. The password is never logged.
 */
@Component
class FirstAdmin {

    static final String USERNAME = "clientclub.admin.username";
    static final String PASSWORD = "clientclub.admin.password";
    static final String PASSWORD_FILE = PASSWORD + "-file";
    private static final SecretSetting SECRET = new SecretSetting(PASSWORD, "CLIENTCLUB_ADMIN_PASSWORD");

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffDirectory directory;
    private final Environment environment;

    FirstAdmin(StaffDirectory directory, Environment environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /** After the demo accounts, which bring their own ADMIN. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void createWhenNoAdmin() {
        boolean given = SECRET.isGiven(environment);
        if (!directory.findByRole(AppRoles.ADMIN).isEmpty()) {
            if (given) {
                log.info("An ADMIN account exists: CLIENTCLUB_ADMIN_PASSWORD(_FILE) is not used and can be removed");
            }
            return;
        }
        Optional<String> password = password();
        if (password.isEmpty()) {
            log.warn("No staff account has the ADMIN role, and nobody can create staff accounts. Set"
                    + " CLIENTCLUB_ADMIN_PASSWORD_FILE to a file holding the first ADMIN's password (or"
                    + " CLIENTCLUB_ADMIN_PASSWORD to the password) and start again: the account"
                    + " CLIENTCLUB_ADMIN_USERNAME (default admin) is created once.");
            return;
        }
        String username = environment.getProperty(USERNAME, "admin").trim();
        StaffAccount existing = directory.find(username).orElse(null);
        Set<String> roles = new HashSet<>(existing == null ? Set.of() : existing.roles());
        roles.add(AppRoles.ADMIN);
        StaffAccount admin = existing == null
                ? new StaffAccount(username, username, "", "", roles)
                : new StaffAccount(username, existing.firstName(), existing.lastName(), existing.email(), roles);
        try {
            directory.save(admin, password.get());
        } catch (RuntimeException e) {
            if (!directory.findByRole(AppRoles.ADMIN).isEmpty()) {
                log.info("Another node created the first ADMIN at the same time");
                return;
            }
            throw new IllegalStateException("The first ADMIN " + username + " could not be created", e);
        }
        log.info(
                "No ADMIN existed: {} {} with the ADMIN role and the password from {}",
                existing == null ? "created the account" : "gave the existing account",
                username,
                SECRET.isFromFile(environment) ? "CLIENTCLUB_ADMIN_PASSWORD_FILE" : "CLIENTCLUB_ADMIN_PASSWORD");
    }

    private Optional<String> password() {
        return SECRET.read(environment);
    }
}
