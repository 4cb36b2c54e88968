package org.clientclub.loyalty;

/** A card as staff see it at the counter: whose it is, its state and the member's balance. */
public record CardDetails(
        long memberId,
        String memberNumber,
        String memberName,
        String email,
        String cardNumber,
        CardStatus status,
        long balance) {}
