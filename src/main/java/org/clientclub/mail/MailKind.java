package org.clientclub.mail;

/** Whether an unsubscribe stops a message. */
public enum MailKind {
    /** Answers something the person did (confirmation links, welcome); sent even after an unsubscribe. */
    TRANSACTIONAL,
    /** Club news and invitations; not sent to an address that unsubscribed. */
    CLUB
}
