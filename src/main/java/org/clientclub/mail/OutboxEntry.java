package org.clientclub.mail;

import java.time.Instant;

/**
 * A line of the mail log.
 *
 * @param bodyDiscardedAt when the message's body was discarded (after sending, decision 0023); null while it is kept
 */
public record OutboxEntry(
        long id,
        String recipient,
        String subject,
        String template,
        String language,
        String status,
        int attempts,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt,
        String lastError,
        String kind,
        Instant bodyDiscardedAt) {

    public boolean failed() {
        return "FAILED".equals(status);
    }
}
