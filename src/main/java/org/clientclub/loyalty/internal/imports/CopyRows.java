package org.clientclub.loyalty.internal.imports;

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

    /** UTF-8 bytes of a value, with backslash, tab and line breaks escaped. */
    CopyRows escaped(byte[] value, int from, int count) {
        room(count);
        int to = from + count;
        for (int i = from; i < to; i++) {
            byte b = value[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                // Rare: a receipt number with one of these. Copy what came before it, escape the rest byte by byte.
                System.arraycopy(value, from, bytes, length, i - from);
                length += i - from;
                return escapedByteByByte(value, i, to);
            }
        }
        System.arraycopy(value, from, bytes, length, count);
        length += count;
        return this;
    }

    private CopyRows escapedByteByByte(byte[] value, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = value[i];
            switch (b) {
                case '\\' -> ascii("\\\\");
                case '\t' -> ascii("\\t");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                default -> {
                    room(1);
                    bytes[length++] = b;
                }
            }
        }
        return this;
    }

    /** Bytes known to need no escaping (digits, tabs, ASCII). */
    CopyRows ascii(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
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
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        room(digits);
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            long next = value / 10;
            bytes[i] = (byte) ('0' + (value - next * 10));
            value = next;
        }
        length = end;
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
