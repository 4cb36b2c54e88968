package org.clientclub.mail;

/** What became of an e-mail to the club mailbox. The module that handles it records the outcome. */
public enum InboundOutcome {
    /** Stored, not handled yet. */
    RECEIVED,
    /** A readable questionnaire: onboarding runs. */
    ONBOARDING_STARTED,
    /** A questionnaire a person has to type in. */
    AWAITING_TRANSCRIPTION,
    /** Answered with what was wrong and what to do. */
    REJECTED,
    /** Never answered: written by a machine (auto-reply, bounce, list robot, bulk), or its sender is forged. */
    IGNORED,
    /** Could not be stored after several tries: kept raw with its error for staff, not fetched or handled again. */
    FAILED
}
