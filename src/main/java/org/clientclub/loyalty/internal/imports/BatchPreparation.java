package org.clientclub.loyalty.internal.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clientclub.loyalty.process.rules.PurchasePointsDecision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prepares a batch for booking, on the reading thread: its cards looked up, its purchases rated, put in the
 * receipts' key order, summed per member and written as COPY rows.
 */
@Component
class BatchPreparation {

    private final JdbcTemplate jdbcTemplate;

    BatchPreparation(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Sorts a batch's lines: unknown cards are rejected, purchases rated, put in the receipts' key order, summed per
     * member and written as rows for the receipts table. The card lookup runs outside the booking transaction: cards are not
     * locked, a card blocked meanwhile still earns for this batch.
     */
    Batch prepare(
            long importId,
            Purchases purchases,
            List<PurchaseLine> refunds,
            List<PurchaseLine.Rejected> rejected,
            long firstLine,
            long lastLine,
            long lineCount,
            RateBook rateBook,
            Timings timings) {
        long t = System.nanoTime();
        Cards cards = activeCards(purchases, refunds);
        long t2 = System.nanoTime();
        timings.cards += t2 - t;
        List<PurchaseLine.Rejected> errors = new ArrayList<>(rejected);
        List<PurchaseLine> knownRefunds = new ArrayList<>();
        for (PurchaseLine refund : refunds) {
            if (cards.find(Long.parseLong(refund.cardNumber())) < 0) {
                errors.add(new PurchaseLine.Rejected(refund.lineNo(), "unknownCard", refund.cardNumber()));
            } else {
                knownRefunds.add(refund);
            }
        }
        PurchasePointsDecision.Rate[] rates = rateBook.ratesOf(purchases, timings.decisions);
        int n = purchases.size();
        long[] points = new long[n];
        int[] owner = new int[n];
        // The receipts' key order, post office then receipt number: every batch inserts the keys it shares with
        // another in the same order, so two batches never wait on each other in a circle, and the inserts walk the
        // index from one end to the other. Post offices are six-digit numbers from 100000, so a counting sort groups
        // them; each office's receipts are then sorted.
        int[] offices = new int[900_001];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int card = cards.find(purchases.card(i));
            if (card < 0) {
                owner[i] = -1;
                errors.add(new PurchaseLine.Rejected(
                        purchases.lineNo(i), "unknownCard", Long.toString(purchases.card(i))));
                continue;
            }
            points[i] = rates[i].pointsFor(purchases.kopecks(i));
            owner[i] = card;
            offices[purchases.postcode(i) - 100_000 + 1]++;
            kept++;
        }
        for (int office = 1; office < offices.length; office++) {
            offices[office] += offices[office - 1];
        }
        int[] order = new int[kept];
        for (int i = 0; i < n; i++) {
            if (owner[i] >= 0) {
                order[offices[purchases.postcode(i) - 100_000]++] = i;
            }
        }
        for (int from = 0, to; from < kept; from = to) {
            to = from + 1;
            while (to < kept && purchases.postcode(order[to]) == purchases.postcode(order[from])) {
                to++;
            }
            purchases.sortByReceipt(order, from, to);
        }
        List<MemberSum> sums = MemberSum.of(purchases, order, points, owner, cards);
        long r = System.nanoTime();
        timings.rate += r - t2;
        CopyRows rows = ReceiptRows.of(importId, purchases, order, points, owner, cards);
        timings.render += System.nanoTime() - r;
        errors.sort(java.util.Comparator.comparingLong(PurchaseLine.Rejected::lineNo));
        return new Batch(
                purchases,
                order,
                points,
                owner,
                cards,
                rows,
                sums,
                knownRefunds,
                errors,
                firstLine,
                lastLine,
                lineCount);
    }

    private Cards activeCards(Purchases purchases, List<PurchaseLine> refunds) {
        long[] all = new long[purchases.size() + refunds.size()];
        for (int i = 0; i < purchases.size(); i++) {
            all[i] = purchases.card(i);
        }
        for (int i = 0; i < refunds.size(); i++) {
            all[purchases.size() + i] = Long.parseLong(refunds.get(i).cardNumber());
        }
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[unique++] = all[i];
            }
        }
        Object[] distinct =
                Arrays.stream(all, 0, unique).mapToObj(Long::toString).toArray();
        if (distinct.length == 0) {
            return new Cards(new long[0], new long[0], new long[0]);
        }
        List<long[]> found = jdbcTemplate.query(
                """
                        SELECT card_number::int8, member_id, id FROM loyalty_card
                         WHERE status = 'ACTIVE' AND card_number = ANY (?) ORDER BY 1""", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", distinct)), (rs, i) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        return new Cards(
                found.stream().mapToLong(c -> c[0]).toArray(),
                found.stream().mapToLong(c -> c[1]).toArray(),
                found.stream().mapToLong(c -> c[2]).toArray());
    }
}
