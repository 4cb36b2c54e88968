package org.clientclub.workflow;

import java.time.Instant;
import org.clientclub.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;

/** The engine counted per hour, for the operator's charts: incidents from the history, the backlog from samples. */
public interface EngineFigureHistory {

    /** The most hours one call counts: the samples are kept for two days. */
    int MAX_HOURS = 48;

    /**
     * @param from the start of the first hour
     * @param hours how many hours, 1 to {@link #MAX_HOURS}
     */
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    EngineHours hourly(Instant from, int hours);
}
