package org.clientclub.loyalty.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL COPY's text format, written straight into UTF-8 bytes: a batch of staging rows costs one
 * growing byte array, not a String per row and another for the whole batch.
 */
final class CopyRows {

    private byte[] bytes;
    private int length;
    private int rows;

    CopyRows(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** A value with backslash, tab and line breaks escaped, the rest as UTF-8. */
    CopyRows text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> ascii("\\\\");
                case '\t' -> ascii("\\t");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                default -> {
                    if (c < 0x80) {
                        room(1);
                        bytes[length++] = (byte) c;
                    } else {
                        // The rest of the value through the JDK's encoder, which also pairs surrogates.
                        utf8(value.substring(i));
                        return this;
                    }
                }
            }
        }
        return this;
    }

    private void utf8(String rest) {
        StringBuilder escaped = new StringBuilder(rest.length() + 8);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        byte[] encoded = escaped.toString().getBytes(StandardCharsets.UTF_8);
        room(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    /** Text known to need no escaping and to be ASCII (digits, signs, separators). */
    CopyRows ascii(String value) {
        room(value.length());
        for (int i = 0; i < value.length(); i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    CopyRows number(long value) {
        if (value < 0) {
            room(1);
            bytes[length++] = '-';
            if (value == Long.MIN_VALUE) {
                return ascii("9223372036854775808");
            }
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        room(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    /** Two digits, zero-padded. */
    CopyRows two(int value) {
        room(2);
        bytes[length++] = (byte) ('0' + value / 10 % 10);
        bytes[length++] = (byte) ('0' + value % 10);
        return this;
    }

    CopyRows tab() {
        room(1);
        bytes[length++] = '\t';
        return this;
    }

    CopyRows endRow() {
        room(1);
        bytes[length++] = '\n';
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
