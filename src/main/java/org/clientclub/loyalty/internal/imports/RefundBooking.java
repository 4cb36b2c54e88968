package org.clientclub.loyalty.internal.imports;

import java.sql.Timestamp;
import java.util.Optional;
import org.clientclub.loyalty.EntryKind;
import org.clientclub.loyalty.EntryReason;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.loyalty.internal.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Takes back the points of refund lines, and keeps what each receipt has given back. */
@Component
class RefundBooking {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    RefundBooking(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /**
     * Takes back the points of the amount a refund line returns: the receipt keeps the points of what is left of its
     * amount at the rate it earned at (for a receipt booked before amounts were kept, the refund takes back all its
     * points). Each refund line counts once, known by its receipt, time and amount.
     *
     * @return booked, duplicate, or why it was refused
     */
    String book(long importId, PurchaseLine refund, long memberId) {
        int postcode = Integer.parseInt(refund.postcode());
        Optional<long[]> receipt = jdbc.sql("""
                        SELECT points, kopecks, refunded_kopecks, refunded_points FROM loyalty_purchase
                         WHERE postcode = :postcode AND receipt_id = :receipt AND member_id = :m FOR UPDATE""")
                .param("postcode", postcode)
                .param("receipt", refund.receiptId())
                .param("m", memberId)
                .query((rs, i) -> new long[] {
                    rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2), rs.getLong(3), rs.getLong(4)
                })
                .optional();
        if (receipt.isEmpty()) {
            return "refundWithoutOriginal";
        }
        long kopecks = refund.amount().movePointRight(2).abs().longValueExact();
        Timestamp refundedAt = Timestamp.valueOf(refund.purchasedAt());
        boolean seen = jdbc.sql("""
                        SELECT count(*) FROM loyalty_purchase_refund
                         WHERE postcode = :postcode AND receipt_id = :receipt AND refunded_at = :at AND kopecks = :k""")
                        .param("postcode", postcode)
                        .param("receipt", refund.receiptId())
                        .param("at", refundedAt)
                        .param("k", kopecks)
                        .query(Long.class)
                        .single()
                > 0;
        if (seen) {
            return "duplicate";
        }
        long[] r = receipt.get();
        long refundedKopecks = r[1] < 0 ? r[2] + kopecks : Math.min(r[1], r[2] + kopecks);
        long points = pointsTakenBack(r[0], r[1], refundedKopecks, r[3]);
        if (points > 0) {
            try {
                ledger.book(
                        memberId,
                        EntryKind.REVERSE,
                        -points,
                        SourceRef.refundLine(postcode, refund.purchasedAt(), kopecks, refund.receiptId()),
                        EntryReason.refund(refund.amount()),
                        null);
            } catch (InsufficientPoints e) {
                return "refundExceedsBalance";
            }
        }
        jdbc.sql("""
                        INSERT INTO loyalty_purchase_refund (postcode, receipt_id, refunded_at, kopecks, points, import_id)
                        VALUES (:postcode, :receipt, :at, :k, :points, :import)""")
                .param("postcode", postcode)
                .param("receipt", refund.receiptId())
                .param("at", refundedAt)
                .param("k", kopecks)
                .param("points", points)
                .param("import", importId)
                .update();
        jdbc.sql("""
                        UPDATE loyalty_purchase SET refunded_kopecks = :rk, refunded_points = refunded_points + :points
                         WHERE postcode = :postcode AND receipt_id = :receipt""")
                .param("rk", refundedKopecks)
                .param("points", points)
                .param("postcode", postcode)
                .param("receipt", refund.receiptId())
                .update();
        return "booked";
    }

    /**
     * The points a refund takes back from a receipt that earned {@code points} for {@code amount} kopecks (negative
     * when not known) and gave back {@code pointsBefore} already: what it earned less what the amount not refunded
     * would earn at the same rate per full hundred roubles.
     */
    static long pointsTakenBack(long points, long amount, long refundedKopecks, long pointsBefore) {
        long hundreds = amount / 10_000;
        long kept = amount < 0 || hundreds == 0 ? 0 : (amount - refundedKopecks) / 10_000 * (points / hundreds);
        return Math.max(0, points - pointsBefore - kept);
    }
}
