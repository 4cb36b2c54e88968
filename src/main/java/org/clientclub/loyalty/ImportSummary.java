package org.clientclub.loyalty;

import java.time.Instant;

/** A purchase file upload and how far its booking got. */
public record ImportSummary(long id, String fileName, long fileSize, String uploadedBy, Instant uploadedAt,
                            String status, long linesDone, long linesBooked, long linesDuplicate, long linesRejected,
                            long pointsBooked, String failure) {

    public boolean running() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }
}
