package org.clientclub.shared.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counters per key and fixed window (an hour, a day), kept in {@code shared_rate_counter} so that every node
 * counts into the same row: one upsert both counts and tells the count, and concurrent callers queue on the
 * row's lock instead of each seeing an old value. Windows are aligned to the epoch, so a day is a UTC day.
 * Counting happens in the caller's transaction: a rolled-back job leaves its count behind it.
 */
@Component
public class RateCounters {

    /** How many ended rows one new window removes: enough to outpace the rows it adds, small enough to be cheap. */
    private static final int CLEANUP_BATCH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds one to the key's count in the current window. @return the count including this one */
    @Transactional(propagation = Propagation.MANDATORY)
    public int increment(String key, Duration window) {
        Instant now = clock.instant();
        long length = window.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
        int count = jdbc.sql("""
                        INSERT INTO shared_rate_counter (counter_key, window_start, window_end, count)
                        VALUES (:key, :start, :end, 1)
                        ON CONFLICT (counter_key, window_start) DO UPDATE SET count = shared_rate_counter.count + 1
                        RETURNING count""")
                .param("key", key)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(window)))
                .query(Integer.class).single();
        if (count == 1) {
            forgetEnded(now);
        }
        return count;
    }

    /** @return whether the key's count in the current window, this one included, stays within the limit */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryAcquire(String key, Duration window, int limit) {
        return increment(key, window) <= limit;
    }

    // Rows that another transaction is deleting are skipped, so two nodes never wait on each other here.
    private void forgetEnded(Instant now) {
        jdbc.sql("""
                        DELETE FROM shared_rate_counter WHERE ctid IN (
                            SELECT ctid FROM shared_rate_counter WHERE window_end < :now
                             LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("now", Timestamp.from(now))
                .param("batch", CLEANUP_BATCH)
                .update();
    }
}
