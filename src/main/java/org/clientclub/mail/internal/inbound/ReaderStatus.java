package org.clientclub.mail.internal.inbound;

import java.time.Instant;
import org.clientclub.shared.LogSafe;
import org.jspecify.annotations.Nullable;

/**
 * What the club mailbox reader last managed and last failed at, for its health ({@link ImapHealthIndicator}): a
 * look at the mailbox that worked (connected, fetched, came back from IDLE or a pause) and the error of the last
 * one that did not.
 */
final class ReaderStatus {

    /** The reader's state at one moment; the times are null until it happened. */
    record Snapshot(
            boolean enabled,
            boolean running,
            @Nullable Instant lastSuccess,
            @Nullable Instant lastErrorAt,
            @Nullable String lastError) {

        /** Whether the last look at the mailbox failed. */
        boolean failing() {
            return lastErrorAt != null && (lastSuccess == null || lastErrorAt.isAfter(lastSuccess));
        }
    }

    private volatile @Nullable Instant lastSuccess;
    private volatile @Nullable Instant lastErrorAt;
    private volatile @Nullable String lastError;

    void succeeded(Instant at) {
        lastSuccess = at;
    }

    void failed(Instant at, Exception error) {
        lastError = LogSafe.value(error.toString());
        lastErrorAt = at;
    }

    Snapshot snapshot(boolean enabled, boolean running) {
        return new Snapshot(enabled, running, lastSuccess, lastErrorAt, lastError);
    }
}
