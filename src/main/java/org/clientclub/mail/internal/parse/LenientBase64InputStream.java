package org.clientclub.mail.internal.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Decodes base64 as mail readers do: characters outside the alphabet (over-long lines, trailing blanks, a stray
 * signature line) are skipped, padding in the middle ends one quantum and decoding goes on, and a cut-off end
 * yields the bytes it still holds. Jakarta Mail's decoder only forgives this under a JVM-wide system property.
 */
final class LenientBase64InputStream extends FilterInputStream {

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final byte[] encoded = new byte[8192];
    private final byte[] decoded = new byte[8192 / 4 * 3 + 3];
    private int pos;
    private int limit;
    private int quantum;
    private int count;
    private boolean eof;

    LenientBase64InputStream(InputStream source) {
        super(source);
    }

    static int value(int c) {
        return c >= 0 && c < 128 ? VALUES[c] : -1;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return decoded[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(decoded, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && fill()) {
            int step = (int) Math.min(n - skipped, limit - pos);
            pos += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** @return whether decoded bytes are waiting */
    private boolean fill() throws IOException {
        while (pos >= limit) {
            if (eof) {
                return false;
            }
            pos = 0;
            limit = 0;
            int n = in.read(encoded, 0, encoded.length);
            if (n < 0) {
                eof = true;
                endQuantum();
                continue;
            }
            for (int i = 0; i < n; i++) {
                int c = encoded[i] & 0xFF;
                if (c == '=') {
                    endQuantum();
                    continue;
                }
                int v = value(c);
                if (v < 0) {
                    continue;
                }
                quantum = (quantum << 6) | v;
                if (++count == 4) {
                    decoded[limit++] = (byte) (quantum >> 16);
                    decoded[limit++] = (byte) (quantum >> 8);
                    decoded[limit++] = (byte) quantum;
                    quantum = 0;
                    count = 0;
                }
            }
        }
        return true;
    }

    private void endQuantum() {
        if (count == 2) {
            decoded[limit++] = (byte) (quantum >> 4);
        } else if (count == 3) {
            decoded[limit++] = (byte) (quantum >> 10);
            decoded[limit++] = (byte) (quantum >> 2);
        }
        quantum = 0;
        count = 0;
    }
}
