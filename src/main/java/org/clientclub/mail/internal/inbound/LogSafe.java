package org.clientclub.mail.internal.inbound;

/**
 * Header values of inbound mail made safe for a log line: a sender chooses them, so a CR or LF in a Subject or a
 * Message-ID would otherwise start a forged log line, other control characters (ESC sequences) would reach the
 * terminal, and a megabyte-long header would flood the log. Escapes as Java writes them ({@code \r}, {@code \n},
 * {@code \t}, {@code \}{@code u001b}), backslashes doubled so an escape cannot be faked, and bounded.
 */
public final class LogSafe {

    /** Characters of a value written to a log line, before the escapes. */
    static final int MAX_CHARS = 200;

    private LogSafe() {}

    public static String value(String value) {
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
