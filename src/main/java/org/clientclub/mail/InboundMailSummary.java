package org.clientclub.mail;

import java.time.Instant;

/**
 * A row of the club mailbox list.
 *
 * @param error why a {@link InboundOutcome#FAILED} message could not be stored; null otherwise
 */
public record InboundMailSummary(
        long id,
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
