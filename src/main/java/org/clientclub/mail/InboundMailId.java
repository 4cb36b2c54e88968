package org.clientclub.mail;

/** A message of the club mailbox, by the id the mail module stored it under. */
public record InboundMailId(long value) {

    public InboundMailId {
        if (value <= 0) {
            throw new IllegalArgumentException("Not a stored message: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
