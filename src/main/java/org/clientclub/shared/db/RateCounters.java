package org.clientclub.shared.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
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
        return acquire(List.of(), key, window).shared();
    }

    /** A cap on one key's count in a window. */
    public record Limit(String key, int max) {}

    /**
     * What {@link #acquire} counted: the first limit that this call exceeded (its index; -1 when all held), and the
     * shared count including this one (0 when it was not counted, because a limit was exceeded).
     */
    public record Acquired(int exceeded, int shared) {

        public boolean held() {
            return exceeded < 0;
        }
    }

    /**
     * In one statement: adds one to each limit's key in turn, as {@link #tryAcquire} does, and stops at the first limit
     * the count exceeds (the keys after it are not counted); when all held, adds one to the shared key as {@link
     * #incrementShared} does. The rows are counted and locked in this order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Acquired acquire(List<Limit> limits, String sharedKey, Duration window) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        List<String> others = IntStream.range(0, STRIPES)
                .filter(i -> i != stripe)
                .mapToObj(i -> sharedKey + "#" + i)
                .toList();
        StringBuilder sql = new StringBuilder("WITH ");
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < limits.size(); i++) {
            sql.append(counting("c" + i, ":key" + i, i == 0 ? null : "c" + (i - 1), ":max" + (i - 1)))
                    .append(",\n");
            select.append("(SELECT count FROM c").append(i).append("), ");
        }
        String last = limits.isEmpty() ? null : "c" + (limits.size() - 1);
        sql.append(counting("s", ":stripe", last, last == null ? null : ":max" + (limits.size() - 1)));
        // The outer query reads the table as it was before the inserts, hence the stripe's own count comes from its
        // insert and the sum from the other stripes.
        select.append("""
                (SELECT count FROM s) + coalesce((SELECT sum(count) FROM shared_rate_counter
                  WHERE counter_key IN (:others) AND window_start = :start), 0)""");
        JdbcClient.StatementSpec statement = jdbc.sql(
                        sql.append('\n').append(select).toString())
                .param("stripe", sharedKey + "#" + stripe)
                .param("others", others)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(window)));
        for (int i = 0; i < limits.size(); i++) {
            statement = statement
                    .param("key" + i, limits.get(i).key())
                    .param("max" + i, limits.get(i).max());
        }
        int[] counts = statement
                .query((rs, row) -> {
                    int[] columns = new int[limits.size() + 1];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = rs.getInt(i + 1); // 0 for SQL NULL: not counted
                    }
                    return columns;
                })
                .single();
        boolean newRow = false;
        int exceeded = -1;
        for (int i = 0; i < limits.size(); i++) {
            newRow |= counts[i] == 1;
            if (exceeded < 0 && counts[i] > limits.get(i).max()) {
                exceeded = i;
            }
        }
        if (newRow && ThreadLocalRandom.current().nextInt(CLEANUP_EVERY) == 0) {
            forgetEnded(now);
        }
        return new Acquired(exceeded, counts[limits.size()]);
    }

    /** One counting CTE; after a previous one, it counts only when that one's count stayed within its limit. */
    private static String counting(String name, String key, @Nullable String previous, @Nullable String previousMax) {
        String values = previous == null || previousMax == null
                ? "VALUES (" + key + ", :start, :end, 1)"
                : "SELECT " + key + ", :start, :end, 1 FROM " + previous + " WHERE " + previous + ".count <= "
                        + previousMax;
        return name + " AS (INSERT INTO shared_rate_counter (counter_key, window_start, window_end, count) " + values
                + " ON CONFLICT (counter_key, window_start) DO UPDATE SET count = shared_rate_counter.count + 1"
                + " RETURNING count)";
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
