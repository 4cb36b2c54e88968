package org.clientclub.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message the in-process demo mail server received, as the demo mailbox shows it. */
public record DeliveredMail(
        int index,
        String to,
        String from,
        @Nullable String subject,
        @Nullable Instant receivedAt,
        String html,
        String text) {}
