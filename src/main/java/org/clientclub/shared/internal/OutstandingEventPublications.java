package org.clientclub.shared.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands events whose listener failed (a welcome bonus lost to a database hiccup) to their listeners again, on a
 * schedule and not only at a restart (spring.modulith.events.republish-outstanding-events-on-restart). Only
 * publications older than {@code clientclub.events.resubmit-older-than} go again, so one that is still being
 * handled is left alone. Several nodes may run this: a PostgreSQL advisory lock lets one of them do a run and the
 * others skip it; the listeners are idempotent anyway, so an event handled twice books nothing twice. Completed
 * publications are deleted as they complete (spring.modulith.events.completion-mode=delete); rows completed before
 * that setting go here (decision 0031).
 */
@Component
public class OutstandingEventPublications {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEventPublications.class);

    /** The advisory lock key of a resubmission run (any constant unique in this database). */
    private static final long LOCK = 0x636c7562_6576L;

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Duration olderThan;

    OutstandingEventPublications(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            TransactionTemplate transaction,
            JdbcTemplate jdbc,
            @Value("${clientclub.events.resubmit-older-than:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.olderThan = olderThan;
    }

    @Scheduled(
            fixedDelayString = "${clientclub.events.resubmit-interval:PT5M}",
            initialDelayString = "${clientclub.events.resubmit-interval:PT5M}")
    void resubmitOutstanding() {
        try {
            resubmitOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed; the next run tries again: {}", e.toString());
        }
    }

    /** @return whether this node did the run (false: another node holds it) */
    public boolean resubmitOlderThan(Duration age) {
        Boolean ran = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return false;
            }
            incomplete.resubmitIncompletePublicationsOlderThan(age);
            completed.deletePublicationsOlderThan(Duration.ZERO);
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
