package org.clientclub.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Counters in the database: each count is told back, and a shared count spread over rows still adds up. */
@SpringBootTest
class RateCountersTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    RateCounters counters;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyCountsOneByOneAcrossTransactions() {
        String key = "test:" + UUID.randomUUID();

        assertThat(count(() -> counters.increment(key, DAY))).isEqualTo(1);
        assertThat(count(() -> counters.increment(key, DAY))).isEqualTo(2);
        assertThat(transactions.execute(tx -> counters.tryAcquire(key, DAY, 3)).booleanValue())
                .isTrue();
        assertThat(transactions.execute(tx -> counters.tryAcquire(key, DAY, 3)).booleanValue())
                .as("the fourth of three")
                .isFalse();
    }

    @Test
    void aSharedCountSpreadOverRowsIsTheSumOfAllItsCalls() {
        String key = "test-total:" + UUID.randomUUID();

        int[] told = IntStream.range(0, 40)
                .map(i -> count(() -> counters.incrementShared(key, DAY)))
                .toArray();

        assertThat(told)
                .as("each caller is told the count including its own")
                .containsExactly(IntStream.rangeClosed(1, 40).toArray());
        assertThat(count(() -> counters.incrementShared(key, DAY))).isEqualTo(41);
    }

    @Test
    void acquiringCountsEachLimitInTurnAndTheSharedCountWhenAllHeld() {
        String id = UUID.randomUUID().toString();
        List<RateCounters.Limit> limits =
                List.of(new RateCounters.Limit("test-a:" + id, 3), new RateCounters.Limit("test-b:" + id, 2));
        String total = "test-total:" + id;

        assertThat(acquire(limits, total)).isEqualTo(new RateCounters.Acquired(-1, 1));
        assertThat(acquire(limits, total)).isEqualTo(new RateCounters.Acquired(-1, 2));
        assertThat(acquire(limits, total))
                .as("the second limit's third of two: the total is not counted")
                .isEqualTo(new RateCounters.Acquired(1, 0));
        assertThat(acquire(limits, total))
                .as("the first limit's fourth of three: the second is not counted")
                .isEqualTo(new RateCounters.Acquired(0, 0));
        assertThat(counts(id)).as("counts per key").containsExactly("test-a:" + id + "=4", "test-b:" + id + "=3");
        assertThat(count(() -> counters.incrementShared(total, DAY)))
                .as("the total counted twice, by the first two")
                .isEqualTo(3);
        assertThat(count(() -> counters.increment("test-a:" + id, DAY))).isEqualTo(5);
    }

    @Test
    void acquiringAgainstALimitOfZeroCountsTheAttemptOnly() {
        String id = UUID.randomUUID().toString();
        List<RateCounters.Limit> none = List.of(new RateCounters.Limit("test-zero:" + id, 0));

        assertThat(acquire(none, "test-total:" + id)).isEqualTo(new RateCounters.Acquired(0, 0));
        assertThat(counts(id)).containsExactly("test-zero:" + id + "=1");
    }

    @Test
    void aRolledBackAcquisitionCountsNothing() {
        String id = UUID.randomUUID().toString();
        List<RateCounters.Limit> limits = List.of(new RateCounters.Limit("test-rb:" + id, 5));
        transactions.executeWithoutResult(tx -> {
            counters.acquire(limits, "test-total:" + id, DAY);
            tx.setRollbackOnly();
        });

        assertThat(counts(id)).isEmpty();
        assertThat(acquire(limits, "test-total:" + id)).isEqualTo(new RateCounters.Acquired(-1, 1));
    }

    private RateCounters.Acquired acquire(List<RateCounters.Limit> limits, String shared) {
        return transactions.execute(tx -> counters.acquire(limits, shared, DAY));
    }

    /** The counts of the keys made of the id, the shared key's stripes summed. */
    private List<String> counts(String id) {
        return jdbc.sql("""
                        SELECT split_part(counter_key, '#', 1) || '=' || sum(count) FROM shared_rate_counter
                         WHERE counter_key LIKE :id AND counter_key NOT LIKE 'test-total:%'
                         GROUP BY split_part(counter_key, '#', 1) ORDER BY 1""").param("id", "%" + id + "%").query(String.class).list();
    }

    @Test
    void newWindowsRemoveEndedOnesAsTheyGo() {
        String ended = "test-ended:" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO shared_rate_counter (counter_key, window_start, window_end, count)
                VALUES (:key, now() - interval '2 days', now() - interval '1 day', 5)""").param("key", ended).update();

        // One new row in eight cleans up: after 200 the chance that none did is below one in a hundred billion.
        IntStream.range(0, 200).forEach(i -> count(() -> counters.increment("test-new:" + UUID.randomUUID(), DAY)));

        assertThat(jdbc.sql("SELECT count(*) FROM shared_rate_counter WHERE counter_key = :key")
                        .param("key", ended)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private int count(IntSupplier counting) {
        return transactions.execute(tx -> counting.getAsInt());
    }
}
