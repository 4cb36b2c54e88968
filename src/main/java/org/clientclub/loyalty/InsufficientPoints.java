package org.clientclub.loyalty;

/** A redemption asked for more points than the member has; nothing was booked. */
public class InsufficientPoints extends RuntimeException {

    private final long balance;

    public InsufficientPoints(long balance, long requested) {
        super("Balance " + balance + " is less than " + requested);
        this.balance = balance;
    }

    public long balance() {
        return balance;
    }
}
