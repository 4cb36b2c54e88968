package org.clientclub.mail;

/** A message of the outbox: the {@code mail_outbox} row's id. */
public record OutboxId(long value) {

    public static OutboxId of(long value) {
        return new OutboxId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
