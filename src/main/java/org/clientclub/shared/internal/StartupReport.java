package org.clientclub.shared.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where things are once the application is up, so a new user knows what to open: the last of the start log,
 * after the demo accounts (security.internal.DemoStaffAccounts) and everything else that listens for the start.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;

    StartupReport(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void report() {
        String base = environment.getProperty("clientclub.public-base-url", "http://localhost:8080");
        StringBuilder text = new StringBuilder("Client Club is running:")
                .append("\n    staff app            ")
                .append(base)
                .append("/")
                .append("\n    public questionnaire ")
                .append(base)
                .append("/join")
                .append("\n    questionnaire PDF    ")
                .append(base)
                .append("/join/questionnaire.pdf (fill in, e-mail to ")
                .append(environment.getProperty("clientclub.club-mailbox"))
                .append(")")
                .append("\n    club mailbox (staff) ")
                .append(base)
                .append("/club-mailbox")
                .append("\n    Camunda Cockpit      ")
                .append(base)
                .append("/camunda/app/cockpit/ (staff read and retry jobs)")
                .append("\n    Camunda Tasklist     ")
                .append(base)
                .append("/camunda/app/tasklist/ (ADMIN only: staff work in the inbox)");
        if (environment.getProperty("clientclub.mail.embedded", Boolean.class, true)) {
            text.append("\n    demo mailbox         ").append(base).append("/demo-mailbox");
        }
        if (environment.getProperty("clientclub.demo.accounts", Boolean.class, false)) {
            text.append(
                    "\n    log in as            staff, manager or admin: passwords under \"Demo staff accounts\" above");
        }
        log.info(text.toString());
    }
}
