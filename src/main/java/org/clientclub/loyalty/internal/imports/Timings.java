package org.clientclub.loyalty.internal.imports;

import java.util.concurrent.atomic.LongAdder;

/** Where an import's time goes, logged at DEBUG when it ends; reading and booking overlap. */
final class Timings {
    volatile long parse;
    volatile long cards;
    volatile long rate;
    final LongAdder decisions = new LongAdder();
    volatile long render;
    final LongAdder copy = new LongAdder();
    final LongAdder ledger = new LongAdder();
    final LongAdder rest = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder repeated = new LongAdder();

    @Override
    public String toString() {
        return String.format(
                "%d batches (%d copies again without receipts booked before or repeated); reading thread: "
                        + "read+parse %d ms, cards %d ms, rating+sorting+sums %d ms (of which DMN %d ms), COPY rows %d ms; "
                        + "booking threads together: receipts COPY %d ms, accounts+ledger+balances %d ms, "
                        + "refunds+errors+progress %d ms",
                batches.sum(),
                repeated.sum(),
                parse / 1_000_000,
                cards / 1_000_000,
                rate / 1_000_000,
                decisions.sum() / 1_000_000,
                render / 1_000_000,
                copy.sum() / 1_000_000,
                ledger.sum() / 1_000_000,
                rest.sum() / 1_000_000);
    }
}
