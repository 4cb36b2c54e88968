package org.clientclub.loyalty.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, ended by {@code \n}, {@code \r} or {@code \r\n} as {@link java.io.BufferedReader}
 * ends them, so line numbers agree with what a text editor shows. A line longer than {@link #LIMIT} bytes keeps its
 * first {@code LIMIT} bytes: a file without line breaks never becomes one huge string.
 */
final class ByteLines {

    static final int LIMIT = 16 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int end;
    private boolean skipLineFeed;
    private byte[] line = new byte[256];
    private int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; @return false at the end of the stream */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                return any;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            append(start, position - start);
            any = true;
            if (position < end) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                return true;
            }
        }
    }

    /** The current line's bytes, from 0 to {@link #length()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    String text(Charset charset) {
        return new String(line, 0, length, charset);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        end = Math.max(read, 0);
        return read > 0;
    }

    private void append(int from, int count) {
        int kept = Math.min(count, LIMIT - length);
        if (kept <= 0) {
            return;
        }
        if (length + kept > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + kept));
        }
        System.arraycopy(buffer, from, line, length, kept);
        length += kept;
    }
}
