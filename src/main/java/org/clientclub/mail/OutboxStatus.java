package org.clientclub.mail;

/** Where a message of the outbox stands. */
public enum OutboxStatus {
    /** Waiting for the sender, for the first time or after a failed attempt. */
    PENDING,
    SENT,
    /** Every attempt failed; staff can send it again from the mail log. */
    FAILED,
    /** Kept but not sent: the address unsubscribed from club mail. */
    SUPPRESSED
}
