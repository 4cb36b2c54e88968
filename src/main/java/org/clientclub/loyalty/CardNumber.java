package org.clientclub.loyalty;

import java.util.Objects;

/**
 * A loyalty card number: EAN-13 in the in-store range (prefix 2), so tills scan it as a barcode and a typo is
 * caught by the check digit.
 */
public record CardNumber(String value) {

    /** "29": the restricted-circulation prefix kept for the club's cards. */
    static final String PREFIX = "29";

    public CardNumber {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a card number: " + value);
        }
    }

    /** The number for the n-th card ever issued. */
    public static CardNumber ofSequence(long n) {
        if (n < 0 || n > 9_999_999_999L) {
            throw new IllegalArgumentException("Card sequence out of range: " + n);
        }
        String body = PREFIX + String.format("%010d", n);
        return new CardNumber(body + checkDigit(body));
    }

    public static boolean isValid(String candidate) {
        return candidate != null
                && candidate.length() == 13
                && candidate.chars().allMatch(Character::isDigit)
                && candidate.startsWith(PREFIX)
                && candidate.charAt(12) - '0' == checkDigit(candidate.substring(0, 12));
    }

    /** EAN-13: weights 1 and 3 from the left, the digit that brings the sum to a multiple of ten. */
    static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
