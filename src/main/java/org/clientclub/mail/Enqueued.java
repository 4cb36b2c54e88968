package org.clientclub.mail;

/** What {@link MailService#enqueue} did with a message. A quota never throws: the caller records the refusal. */
public enum Enqueued {
    /** Written to the outbox; the sender sends it (or keeps it as suppressed, for an unsubscribed address). */
    QUEUED,
    /** A message with this idempotency key was written before; nothing new was written. */
    DUPLICATE,
    /** Not written: a daily quota of its kind is used up (per recipient, per domain, or in total). */
    REFUSED_QUOTA
}
