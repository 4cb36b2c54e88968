package org.clientclub.membership;

/** What following a link from an e-mail achieved. */
public enum ConfirmationResult {
    CONFIRMED,
    ALREADY_USED,
    EXPIRED,
    INVALID
}
