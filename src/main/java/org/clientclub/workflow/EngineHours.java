package org.clientclub.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine over a run of whole hours from {@code from}: incidents opened per hour (resolved ones too), the incidents
 * open now, and the job backlog per hour as the most that any sample of that hour saw, due jobs and jobs without
 * retries; null for an hour without a sample (the app was not running). Every list has one entry per hour.
 */
public record EngineHours(
        Instant from,
        int hours,
        List<Long> incidentsOpened,
        long incidentsOpenNow,
        List<@Nullable Long> dueJobs,
        List<@Nullable Long> failedJobs) {

    public EngineHours {
        incidentsOpened = List.copyOf(incidentsOpened);
        // List.copyOf refuses nulls, and an hour without a sample is one.
        dueJobs = Collections.unmodifiableList(new ArrayList<>(dueJobs));
        failedJobs = Collections.unmodifiableList(new ArrayList<>(failedJobs));
    }

    /** Whether these hours saw no incident and no sample of the backlog. */
    public boolean isEmpty() {
        return incidentsOpenNow == 0
                && incidentsOpened.stream().allMatch(n -> n == 0)
                && dueJobs.stream().allMatch(n -> n == null)
                && failedJobs.stream().allMatch(n -> n == null);
    }
}
