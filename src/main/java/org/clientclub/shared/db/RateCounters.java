package org.clientclub.shared.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
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

    /**
     * One new row in so many cleans up, and then removes up to a batch of ended rows: twelve times the rate rows are
     * added, without a query for every new recipient.
     */
    private static final int CLEANUP_EVERY = 8;

    private static final int CLEANUP_BATCH = 100;
    /** Rows a shared count is spread over: with one row, every caller would wait for the previous one's commit. */
    private static final int STRIPES = 16;

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
        Instant start = windowStart(now, window);
        int count = jdbc.sql("""
                        INSERT INTO shared_rate_counter (counter_key, window_start, window_end, count)
                        VALUES (:key, :start, :end, 1)
                        ON CONFLICT (counter_key, window_start) DO UPDATE SET count = shared_rate_counter.count + 1
                        RETURNING count""")
                .param("key", key)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(window)))
                .query(Integer.class)
                .single();
        if (count == 1 && ThreadLocalRandom.current().nextInt(CLEANUP_EVERY) == 0) {
            forgetEnded(now);
        }
        return count;
    }

    /**
     * Adds one to a count that callers everywhere share (a daily total), on one of several rows chosen at random, so
     * that concurrent callers seldom queue on one row's lock until the other commits.
     *
     * @return the count including this one, less what concurrent transactions have counted but not yet committed:
     *     a limit on it may be passed by as many callers as are in flight
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int incrementShared(String key, Duration window) {
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        List<String> others = IntStream.range(0, STRIPES)
                .filter(i -> i != stripe)
                .mapToObj(i -> key + "#" + i)
                .toList();
        Instant start = windowStart(clock.instant(), window);
        // One round trip: the outer query reads the table as it was before the insert, hence the stripe's own
        // count comes from the insert and the sum from the other stripes.
        return jdbc.sql("""
                        WITH counted AS (
                            INSERT INTO shared_rate_counter (counter_key, window_start, window_end, count)
                            VALUES (:stripe, :start, :end, 1)
                            ON CONFLICT (counter_key, window_start) DO UPDATE SET count = shared_rate_counter.count + 1
                            RETURNING count)
                        SELECT (SELECT count FROM counted) + coalesce((SELECT sum(count) FROM shared_rate_counter
                                 WHERE counter_key IN (:others) AND window_start = :start), 0)""")
                .param("stripe", key + "#" + stripe)
                .param("others", others)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(window)))
                .query(Integer.class)
                .single();
    }

    /** @return whether the key's count in the current window, this one included, stays within the limit */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryAcquire(String key, Duration window, int limit) {
        return increment(key, window) <= limit;
    }

    private static Instant windowStart(Instant now, Duration window) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
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
