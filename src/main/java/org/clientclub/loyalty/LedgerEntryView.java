package org.clientclub.loyalty;

import java.time.Instant;

/**
 * A line of a member's points history.
 *
 * @param postOffice where the points were spent (redemptions), else null
 */
public record LedgerEntryView(
        long id, EntryKind kind, long points, SourceRef source, String reason, Integer postOffice, Instant occurredAt) {

    /** The reason in words staff read. */
    public EntryReason readableReason() {
        return EntryReason.of(kind, source, reason, postOffice);
    }
}
