package org.clientclub.loyalty;

import org.clientclub.membership.MemberId;

/** A card as staff see it at the counter: whose it is, its state and the member's balance. */
public record CardDetails(
        MemberId memberId,
        String memberNumber,
        String memberName,
        String email,
        String cardNumber,
        CardStatus status,
        long balance) {}
