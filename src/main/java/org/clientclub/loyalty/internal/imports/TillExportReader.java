package org.clientclub.loyalty.internal.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clientclub.loyalty.process.rules.PurchasePointsDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a till export into batches: the file's encoding and expected lines from its start, each line parsed
 * (the usual ones straight from the bytes), the lines booked before a restart skipped; each batch is prepared
 * ({@link BatchPreparation}) and handed to the booking threads.
 */
@Component
class TillExportReader {

    /** Lines booked in one transaction; the first batch has a tenth of them, so booking starts early. */
    static final int BATCH = 125_000;

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Logger log = LoggerFactory.getLogger(TillExportReader.class);

    private final JdbcClient jdbc;
    private final ImportFiles files;
    private final PurchasePointsDecision rates;
    private final BatchPreparation preparation;

    TillExportReader(JdbcClient jdbc, ImportFiles files, PurchasePointsDecision rates, BatchPreparation preparation) {
        this.jdbc = jdbc;
        this.files = files;
        this.rates = rates;
        this.preparation = preparation;
    }

    /** What the reading thread puts after its last batch. */
    static final Object END = new Object();

    /** The reading thread: batches into the queue, then an end mark (or the failure). */
    void read(
            long importId,
            Arrival arrival,
            List<long[]> booked,
            LocalDateTime now,
            BlockingQueue<Object> prepared,
            AtomicBoolean stop,
            Timings timings) {
        Object end = END;
        PurchasePointsDecision.Rates table;
        try {
            table = rates.newestVersion();
        } catch (RuntimeException e) {
            log.warn(
                    "Purchase import {}: rating through the decision service, the table could not be parsed: {}",
                    importId,
                    e.toString());
            table = rates::rateFor;
        }
        RateBook rateBook = new RateBook(table);
        try (InputStream file = arrival == null ? files.original(importId) : files.arriving(importId, arrival)) {
            byte[] start = file.readNBytes(65536);
            Charset charset = recordCharsetAndLines(importId, start);
            ByteLines lines = new ByteLines(new SequenceInputStream(new ByteArrayInputStream(start), file));
            if (!lines.next() || !PurchaseLine.isHeader(lines.text(charset))) {
                throw new IllegalArgumentException("import.error.header");
            }
            long nowPacked = Purchases.packed(now);
            Purchases purchases = new Purchases(BATCH);
            List<PurchaseLine> refunds = new ArrayList<>();
            List<PurchaseLine.Rejected> rejected = new ArrayList<>();
            long lineNo = 1;
            // A batch covers the lines from its first one not booked before to its last: a restart skips them all.
            long firstLine = 0;
            long read = 0;
            int range = 0;
            boolean first = true;
            long t = System.nanoTime();
            while (lines.next() && !stop.get()) {
                lineNo++;
                while (range < booked.size() && booked.get(range)[1] < lineNo) {
                    range++;
                }
                if (range < booked.size() && booked.get(range)[0] <= lineNo) {
                    continue; // booked before a restart
                }
                firstLine = firstLine == 0 ? lineNo : firstLine;
                read++;
                if (!purchases.addUsual(lines.bytes(), 0, lines.length(), lineNo, nowPacked)) {
                    String raw = lines.text(charset);
                    if (raw.isBlank()) {
                        continue;
                    }
                    Object parsed = PurchaseLine.parse(lineNo, raw, now);
                    if (parsed instanceof PurchaseLine line) {
                        if (line.isRefund()) {
                            refunds.add(line);
                        } else {
                            purchases.add(line);
                        }
                    } else {
                        rejected.add((PurchaseLine.Rejected) parsed);
                    }
                }
                // The first batch is small, so booking starts while the rest is read.
                if (purchases.size() + refunds.size() + rejected.size() >= (first ? BATCH / 10 : BATCH)) {
                    first = false;
                    timings.parse += System.nanoTime() - t;
                    put(
                            prepared,
                            stop,
                            preparation.prepare(
                                    importId, purchases, refunds, rejected, firstLine, lineNo, read, rateBook,
                                    timings));
                    firstLine = 0;
                    read = 0;
                    purchases = new Purchases(BATCH);
                    refunds = new ArrayList<>();
                    rejected = new ArrayList<>();
                    t = System.nanoTime();
                }
            }
            timings.parse += System.nanoTime() - t;
            if (firstLine != 0) {
                put(
                        prepared,
                        stop,
                        preparation.prepare(
                                importId, purchases, refunds, rejected, firstLine, lineNo, read, rateBook, timings));
            }
        } catch (InterruptedException e) {
            return; // the booking thread gave up
        } catch (RuntimeException | IOException e) {
            end = e;
        } catch (Error e) {
            end = new IllegalStateException("Reading purchase import " + importId + " failed", e);
        }
        try {
            put(prepared, stop, end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for room in the queue unless the booking has stopped. */
    private static void put(BlockingQueue<Object> prepared, AtomicBoolean stop, Object next)
            throws InterruptedException {
        while (!stop.get() && !prepared.offer(next, 100, TimeUnit.MILLISECONDS)) {
            // the booking threads are busy
        }
    }

    /**
     * Records the file's encoding and how many lines it is expected to have, both from its first 64 KB.
     *
     * @return the encoding
     */
    private Charset recordCharsetAndLines(long importId, byte[] start) {
        long size = jdbc.sql("SELECT file_size FROM loyalty_import WHERE id = :id")
                .param("id", importId)
                .query(Long.class)
                .single();
        Charset charset = charsetOf(start);
        jdbc.sql("UPDATE loyalty_import SET charset = :c, lines_expected = :lines WHERE id = :id")
                .param("c", charset.name())
                .param("lines", expectedLines(start, size))
                .param("id", importId)
                .update();
        return charset;
    }

    /**
     * The lines after the header a file of {@code size} bytes is expected to have, from how long the lines at its
     * {@code start} are: exact when the start is the whole file.
     */
    static long expectedLines(byte[] start, long size) {
        long breaks = 0;
        for (byte b : start) {
            if (b == '\n') {
                breaks++;
            }
        }
        boolean whole = start.length == size;
        if (whole && start.length > 0 && start[start.length - 1] != '\n') {
            breaks++; // the last line has no line break
        }
        long lines = whole || breaks == 0 ? breaks : Math.round((double) size * breaks / start.length);
        return Math.max(0, lines - 1);
    }

    /** UTF-8 when the start of the file is valid UTF-8 (or has its byte-order mark), windows-1251 otherwise. */
    private static Charset charsetOf(byte[] first) {
        if (first.length >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        // A multi-byte character may be cut at the end of the sample: leave the last three bytes out.
        int length = first.length == 65536 ? first.length - 3 : first.length;
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(first, 0, Math.max(0, length)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1251;
        }
    }
}
