package org.clientclub.shared;

import org.jspecify.annotations.Nullable;

/**
 * Values a stranger chose (headers of inbound mail, an attachment's file name) made safe for a log line: a CR or LF
 * in a Subject, a Message-ID or a file name would otherwise start a forged log line, other control characters (ESC
 * sequences) would reach the terminal, and a megabyte-long header would flood the log. Escapes as Java writes them ({@code \r}, {@code \n},
 * {@code \t}, {@code \}{@code u001b}), backslashes doubled so an escape cannot be faked, and bounded.
 */
public final class LogSafe {

    /** Characters of a value written to a log line, before the escapes. */
    static final int MAX_CHARS = 200;

    private LogSafe() {}

    public static String value(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        int end = Math.min(value.length(), MAX_CHARS);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < value.length()) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
