package org.clientclub.loyalty;

/**
 * A manual change of a member's points waiting for a second person's approval.
 *
 * @param card the member's card and their balance now
 * @param points the change asked for: positive credits, negative takes away
 */
public record AdjustmentRequest(CardDetails card, long points, String reason, String requestedBy) {

    /** The balance the change would leave; below zero it cannot be booked. */
    public long balanceAfter() {
        return card.balance() + points;
    }
}
