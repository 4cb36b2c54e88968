package org.clientclub.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A line of the mail log.
 *
 * @param bodyDiscardedAt when the message's body was discarded (after sending, decision 0023); null while it is kept
 */
public record OutboxEntry(
        OutboxId id,
        String recipient,
        String subject,
        String template,
        String language,
        OutboxStatus status,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        MailKind kind,
        @Nullable Instant bodyDiscardedAt) {

    public boolean failed() {
        return status == OutboxStatus.FAILED;
    }
}
