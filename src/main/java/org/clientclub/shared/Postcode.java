package org.clientclub.shared;

import java.util.regex.Pattern;

/** A Russian postcode, which is also a post office's number: six digits, not starting with zero. */
public final class Postcode {

    private static final Pattern SHAPE = Pattern.compile("[1-9][0-9]{5}");

    private Postcode() {}

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
