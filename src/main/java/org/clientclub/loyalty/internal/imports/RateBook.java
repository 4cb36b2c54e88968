package org.clientclub.loyalty.internal.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.clientclub.loyalty.process.rules.PurchasePointsDecision;

/**
 * One rate per category and day for the whole import: the version of the table deployed when the import starts
 * rates all of it, and a newer version takes effect for the next import. A batch's new pairs are evaluated at
 * once, on two threads where there are cores for them. The pairs are kept in an open-addressing table keyed by a
 * number (category, day), so rating a line costs a probe, not a boxed key and two map lookups.
 */
final class RateBook {
    private final PurchasePointsDecision.Rates table;
    private final Map<String, Integer> categories = new HashMap<>();
    private final List<String> categoryNames = new ArrayList<>();
    /** (category + 1) << 32 | yyyyMMdd; 0 marks a free slot. */
    private long[] keys = new long[64];

    private PurchasePointsDecision.Rate[] values = new PurchasePointsDecision.Rate[64];
    private int size;

    RateBook(PurchasePointsDecision.Rates table) {
        this.table = table;
    }

    /**
     * The rate of each of the batch's purchases, evaluating the pairs seen first in this batch.
     *
     * @param evaluating receives the nanoseconds spent evaluating
     */
    PurchasePointsDecision.Rate[] ratesOf(Purchases purchases, LongAdder evaluating) {
        int[] category = new int[purchases.categoryCount()];
        for (int c = 0; c < category.length; c++) {
            category[c] = categories.computeIfAbsent(purchases.categoryName(c), name -> {
                categoryNames.add(name);
                return categoryNames.size() - 1;
            });
        }
        int n = purchases.size();
        long[] lineKeys = new long[n];
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long key = (category[purchases.categoryNumber(i)] + 1L) << 32 | purchases.day(i);
            lineKeys[i] = key;
            int slot = slot(key);
            if (keys[slot] == 0) {
                keys[slot] = key;
                missing.add(key);
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
        }
        long t = System.nanoTime();
        List<PurchasePointsDecision.Rate> evaluated = missing.parallelStream()
                .map(key -> table.rateFor(
                        categoryNames.get((int) (key >>> 32) - 1), Purchases.date((int) (key & 0xFFFF_FFFFL))))
                .toList();
        for (int k = 0; k < missing.size(); k++) {
            values[slot(missing.get(k))] = evaluated.get(k);
        }
        evaluating.add(System.nanoTime() - t);
        PurchasePointsDecision.Rate[] rates = new PurchasePointsDecision.Rate[n];
        for (int i = 0; i < n; i++) {
            rates[i] = values[slot(lineKeys[i])];
        }
        return rates;
    }

    /** The key's slot, or the free slot where it belongs. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 40) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        PurchasePointsDecision.Rate[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new PurchasePointsDecision.Rate[oldKeys.length * 2];
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != 0) {
                int slot = slot(oldKeys[k]);
                keys[slot] = oldKeys[k];
                values[slot] = oldValues[k];
            }
        }
    }
}
