package org.clientclub.mail;

/**
 * What became of an e-mail to the club mailbox, in words that fit every handler; why is the handler's
 * {@link InboundResult#reasonKey()}.
 */
public enum InboundOutcome {
    /** Stored, and a handler took it (or none has yet): nothing has come of it so far. */
    RECEIVED,
    /** The handler did what the message asked for (e.g. an onboarding started). */
    HANDLED,
    /** A person has to look at it before anything else happens. */
    NEEDS_PERSON,
    /** The sender was answered with what was wrong (or would have been, had they left an address). */
    ANSWERED,
    /** Kept, never answered: a machine wrote it, its sender is forged, or nothing is to be done with it. */
    IGNORED,
    /** Could not be stored after several tries: kept raw with its error for staff, not fetched or handled again. */
    FAILED
}
