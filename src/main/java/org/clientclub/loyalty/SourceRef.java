package org.clientclub.loyalty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * What a ledger entry was booked for, unique across the ledger: a second booking of the same source books nothing
 * (docs/decisions/0009-points-ledger.md). Its text is the entry's {@code source_ref}; the prefix says which kind
 * of source it is, so entries booked before this type existed read the same.
 */
public record SourceRef(String value) {

    /** The column's width. */
    public static final int MAX_LENGTH = 200;

    private static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public SourceRef {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A source reference is 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** The welcome points of a member who joined. */
    public static SourceRef memberJoined(long memberId) {
        return new SourceRef("member-joined:" + memberId);
    }

    /** Points spent at a counter; the counter makes one reference per redemption, so a double click books once. */
    public static SourceRef redemption(UUID redemption) {
        return new SourceRef("redeem:" + redemption);
    }

    /** A manual adjustment, approved in its process instance. */
    public static SourceRef adjustment(String processInstanceId) {
        return new SourceRef("adjustment:" + processInstanceId);
    }

    /** The points of a member that expired on a day. */
    public static SourceRef expiry(long memberId, LocalDate day) {
        return new SourceRef("expire:" + memberId + ":" + day);
    }

    /** A member's receipts in one batch of an import: the batch is known by its last line. */
    public static SourceRef purchases(long importId, long lastLine, long memberId) {
        return new SourceRef("purchases:" + importId + ":" + lastLine + ":" + memberId);
    }

    /** A refund line of a till export, known by its receipt, time and amount. */
    public static SourceRef refundLine(int postcode, LocalDateTime refundedAt, long kopecks, String receiptId) {
        return new SourceRef(
                "return:" + postcode + ":" + RETURN_TIME.format(refundedAt) + ":" + kopecks + ":" + receiptId);
    }

    @Override
    public String toString() {
        return value;
    }
}
