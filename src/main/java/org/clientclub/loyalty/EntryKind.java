package org.clientclub.loyalty;

/** What a ledger entry did to the balance. */
public enum EntryKind {
    EARN,
    REDEEM,
    EXPIRE,
    REVERSE,
    ADJUST
}
