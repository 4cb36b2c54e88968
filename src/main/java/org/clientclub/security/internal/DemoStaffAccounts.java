package org.clientclub.security.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clientclub.security.AppRoles;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the embedded default: one per role, each with a password generated at this start and
 * printed once. Nothing about them is stored in the repository. Outside the demo default ({@link DemoDefault}) the
 * start is refused with them on: printed passwords for an ADMIN have no place on a real server.
 */
@Component
@ConditionalOnProperty(name = "clientclub.demo.accounts", havingValue = "true")
class DemoStaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final StaffDirectory directory;
    private final SecureRandom random = new SecureRandom();

    DemoStaffAccounts(StaffDirectory directory, Environment environment) {
        DemoDefault.leftBecause(environment).ifPresent(reason -> {
            throw new IllegalStateException("Demo staff accounts (clientclub.demo.accounts=true) belong to the embedded"
                    + " demo default only, and this start is outside it: " + reason + ". Remove"
                    + " CLIENTCLUB_DEMO_ACCOUNTS=true and create the first ADMIN with CLIENTCLUB_ADMIN_PASSWORD or"
                    + " CLIENTCLUB_ADMIN_PASSWORD_FILE (README.md, \"Production settings\").");
        });
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void createDemoAccounts() {
        List<String> lines = new ArrayList<>();
        lines.add(account("staff", "Ирина", "Сотрудникова", AppRoles.CLUB_STAFF));
        lines.add(account("manager", "Олег", "Менеджеров", AppRoles.CLUB_MANAGER, AppRoles.CLUB_STAFF));
        lines.add(account("admin", "Анна", "Админова", AppRoles.ADMIN, AppRoles.CLUB_MANAGER, AppRoles.CLUB_STAFF));
        log.info("Demo staff accounts (passwords are new at every start):\n{}", String.join("\n", lines));
    }

    private String account(String username, String firstName, String lastName, String... roles) {
        String password = password();
        directory.save(
                new StaffAccount(username, firstName, lastName, username + "@clientclub.local", Set.of(roles)),
                password);
        return "    %-8s password %s  roles %s".formatted(username, password, String.join(", ", roles));
    }

    private String password() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
