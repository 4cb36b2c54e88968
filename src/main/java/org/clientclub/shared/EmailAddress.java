package org.clientclub.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A syntactically plausible mailbox address, normalised to lower case. Deliberately stricter than RFC 5322:
 * no display names, quotes or comments, since members type these into forms and staff read them in lists.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[A-Za-z0-9\\p{L}](?:[A-Za-z0-9\\p{L}-]{0,61}[A-Za-z0-9\\p{L}])?\\.)+[A-Za-z\\p{L}]{2,63}$");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not an e-mail address");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String trimmed = candidate.trim();
        return trimmed.length() <= MAX_LENGTH
                && SHAPE.matcher(trimmed).matches()
                && !trimmed.contains("..")
                && !trimmed.startsWith(".")
                && !trimmed.contains(".@");
    }

    @Override
    public String toString() {
        return value;
    }
}
