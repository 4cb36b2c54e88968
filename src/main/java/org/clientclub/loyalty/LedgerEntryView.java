package org.clientclub.loyalty;

import java.time.Instant;

/** A line of a member's points history. */
public record LedgerEntryView(long id, String kind, long points, String sourceRef, String reason, Instant occurredAt) {

    /** The reason in words staff and members read. */
    public EntryReason readableReason() {
        return EntryReason.of(kind, sourceRef, reason);
    }
}
