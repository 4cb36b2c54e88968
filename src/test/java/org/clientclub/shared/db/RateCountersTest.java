package org.clientclub.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
