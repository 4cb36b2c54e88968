package org.clientclub.mail;

import java.time.Instant;

/**
 * A row of the club mailbox list.
 *
 * @param reason a message key saying why (the handler's, or mail's own for what it could not store)
 * @param error why a {@link InboundOutcome#FAILED} message could not be stored; null otherwise
 */
public record InboundMailSummary(
        InboundMailId id,
        Instant receivedAt,
        String sender,
        String subject,
        String attachmentNames,
        long size,
        boolean truncated,
        InboundOutcome outcome,
        String reason,
        Instant processedAt,
        String error) {}
