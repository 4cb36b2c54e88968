package org.clientclub.mail;

import java.time.Instant;

/** A message the in-process demo mail server received, as the demo mailbox shows it. */
public record DeliveredMail(
        int index, String to, String from, String subject, Instant receivedAt, String html, String text) {}
