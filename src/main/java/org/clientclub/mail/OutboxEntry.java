package org.clientclub.mail;

import java.time.Instant;

/** A line of the mail log. */
public record OutboxEntry(long id, String recipient, String subject, String template, String language, String status,
                          int attempts, Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError) {

    public boolean failed() {
        return "FAILED".equals(status);
    }
}
