package org.clientclub.loyalty;

import java.time.Instant;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A purchase file upload and how far its booking got.
 *
 * @param linesExpected the lines the file is estimated to have, 0 until its booking starts
 * @param failure       why the import failed, as a message key; null unless it failed
 */
public record ImportSummary(
        long id,
        String fileName,
        long fileSize,
        String uploadedBy,
        Instant uploadedAt,
        ImportStatus status,
        long linesDone,
        long linesExpected,
        long linesBooked,
        long linesDuplicate,
        long linesRejected,
        long pointsBooked,
        @Nullable String failure) {

    public boolean running() {
        return status.running();
    }

    /** How far a running import has got, from 0 to 1; empty while that cannot be told. */
    public OptionalDouble progress() {
        if (linesExpected <= 0) {
            return OptionalDouble.empty();
        }
        // An estimate: a file of longer lines towards its end would pass 100 % before it is done.
        return OptionalDouble.of(Math.min(0.99, (double) linesDone / linesExpected));
    }
}
