package org.clientclub.loyalty;

/** A card's state: only an active card earns and spends; a blocked or replaced one is kept for the history. */
public enum CardStatus {
    ACTIVE,
    BLOCKED,
    REPLACED
}
