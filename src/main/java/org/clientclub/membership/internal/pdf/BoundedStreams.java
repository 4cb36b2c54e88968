package org.clientclub.membership.internal.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Decodes PDF streams within a byte budget. PDFBox 3 decodes a stream into memory in one go, whatever it inflates
 * to, so a small Flate stream that inflates to gigabytes (a decompression bomb) would exhaust the heap. Every
 * stream the reader needs, and every stream PDFBox will decode for it, goes through here first.
 */
final class BoundedStreams {

    /** Thrown when a limit is reached; unchecked so that PDFBox's filters, which catch IOException, pass it on. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * More filters on one stream than any writer uses; each stage may inflate up to the budget again, so a long
     * chain is work without end even when every stage stays within the bytes.
     */
    static final int MAX_FILTERS = 4;

    private long remaining;

    BoundedStreams(long budget) {
        this.remaining = budget;
    }

    /** The decoded bytes of a stream, charged to the budget. */
    byte[] decode(COSStream stream) throws IOException {
        return run(stream, true, Long.MAX_VALUE);
    }

    /** The decoded bytes of a stream that may not decode to more than {@code cap} bytes; charged to the budget. */
    byte[] decode(COSStream stream, long cap) throws IOException {
        return run(stream, true, cap);
    }

    /** Decodes a stream only to count it, so PDFBox may then decode it safely; charged to the budget. */
    void check(COSStream stream) throws IOException {
        run(stream, false, Long.MAX_VALUE);
    }

    /**
     * Filter by filter, each writing into a {@link Sink} that counts while it is written to and throws at the
     * limit, so no stage holds more than the limit, however far the data would inflate. The raw bytes are read
     * from the file as the first filter asks for them.
     */
    private byte[] run(COSStream stream, boolean keep, long cap) throws IOException {
        List<COSName> filters = filters(stream);
        if (filters.size() > MAX_FILTERS) {
            throw new LimitExceeded("more than " + MAX_FILTERS + " filters on a stream");
        }
        long limit = Math.min(cap, remaining);
        if (filters.isEmpty()) {
            try (InputStream raw = stream.createRawInputStream()) {
                byte[] data = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (data.length > limit) {
                    throw new LimitExceeded("stream over the budget");
                }
                remaining -= data.length;
                return keep ? data : new byte[0];
            }
        }
        byte[] data = null;
        for (int i = 0; i < filters.size(); i++) {
            boolean last = i == filters.size() - 1;
            Sink sink = new Sink(keep || !last, limit);
            try (InputStream in = data == null ? stream.createRawInputStream() : new ByteArrayInputStream(data)) {
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, sink, stream, i, DecodeOptions.DEFAULT);
            }
            // A filter may swallow the exception; the sink remembers.
            if (sink.exceeded) {
                throw new LimitExceeded("decoded stream over the budget");
            }
            data = sink.bytes();
            if (last) {
                remaining -= sink.count;
            }
        }
        return data;
    }

    private static List<COSName> filters(COSStream stream) {
        COSBase filters = stream.getFilters();
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Counts what a filter writes and refuses the byte past the limit; keeps the bytes only when asked to. */
    private static final class Sink extends OutputStream {
        private final ByteArrayOutputStream kept;
        private final long limit;
        private long count;
        private boolean exceeded;

        Sink(boolean keep, long limit) {
            this.kept = keep ? new ByteArrayOutputStream() : null;
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > limit) {
                exceeded = true;
                throw new LimitExceeded("decoded stream over the budget");
            }
            count += len;
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        byte[] bytes() {
            // When only counting, the count is what the budget needs; the content is not used.
            return kept == null ? new byte[0] : kept.toByteArray();
        }
    }

    /**
     * Checks the Flate-compressed object and cross-reference streams in the raw file before PDFBox parses it:
     * PDFBox decodes those while loading, before anything else could stop it. The scan is textual (the file is
     * not parsed yet), inflates only to count, and stops at the budget.
     */
    static void checkStructureStreams(byte[] pdf, long budget) {
        byte[] keyword = "stream".getBytes(StandardCharsets.US_ASCII);
        long total = 0;
        for (int at = indexOf(pdf, keyword, 0); at >= 0; at = indexOf(pdf, keyword, at + keyword.length)) {
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') {
                continue;
            }
            String dictionary =
                    new String(pdf, Math.max(0, at - 4096), Math.min(at, 4096), StandardCharsets.ISO_8859_1);
            int object = dictionary.lastIndexOf("obj");
            if (object >= 0) {
                dictionary = dictionary.substring(object);
            }
            boolean structure = dictionary.contains("/ObjStm") || dictionary.contains("/XRef");
            if (!structure || !dictionary.contains("/Fl")) {
                continue;
            }
            int start = at + keyword.length;
            if (start < pdf.length && pdf[start] == '\r') {
                start++;
            }
            if (start < pdf.length && pdf[start] == '\n') {
                start++;
            }
            total += inflatedSize(pdf, start, budget - total);
            if (total > budget) {
                throw new LimitExceeded("object streams inflate over the budget");
            }
        }
    }

    private static long inflatedSize(byte[] pdf, int start, long limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, start, pdf.length - start);
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            while (!inflater.finished() && size <= limit) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    break;
                }
                size += n;
            }
            return size;
        } catch (DataFormatException e) {
            // Not a zlib stream after all (or encrypted): PDFBox will fail to inflate it just the same.
            return 0;
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
