package org.clientclub.shared;

import java.util.Locale;

/**
 * A LIKE pattern that finds the text as itself anywhere: lower case (the searched expressions are lower case too, so
 * their trigram indexes serve), with LIKE's escape character and wildcards ({@code \ % _}) escaped.
 */
public final class LikePattern {

    private LikePattern() {}

    public static String containing(String text) {
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** The text with backslash, percent and underscore escaped for LIKE's default escape character. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
