package org.clientclub.mail;

/**
 * Whether an unsubscribe stops a message, and whether a daily quota caps it. The capped kinds are the mails a
 * stranger can make the club write (by typing someone's address into the questionnaire, or by mailing the club
 * mailbox with a forged sender): each is capped per recipient and day, and all of them together per day.
 */
public enum MailKind {
    /** Answers something the person did (welcome, notices); sent even after an unsubscribe. */
    TRANSACTIONAL,
    /** Club news and invitations; not sent to an address that unsubscribed. */
    CLUB,
    /** The link that confirms a questionnaire's address, and its reminder. Capped. */
    CONFIRMATION,
    /** The request to a guardian to consent for a child. Capped. */
    GUARDIAN_REQUEST,
    /** The answer to a mailed questionnaire that could not be used. Capped per address and per domain. */
    REJECTION_REPLY;

    public boolean capped() {
        return this == CONFIRMATION || this == GUARDIAN_REQUEST || this == REJECTION_REPLY;
    }
}
