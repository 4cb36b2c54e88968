package org.clientclub.mail;

import java.time.Instant;
import org.clientclub.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;

/** Mail counted per hour, for the operator's charts: read from the outbox's and the mailbox's own timestamps. */
public interface MailFigureHistory {

    /** The most hours one call counts: two days, what the charts could ever ask for. */
    int MAX_HOURS = 48;

    /**
     * @param from the start of the first hour
     * @param hours how many hours, 1 to {@link #MAX_HOURS}
     */
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    MailHours hourly(Instant from, int hours);
}
