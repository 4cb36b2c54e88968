package org.clientclub.loyalty.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.clientclub.loyalty.EntryReason;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.process.PurchasePointsDecision;
import org.clientclub.shared.ClubTime;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a till export. The file is kept in the database in 1 MB parts, each committed as it arrives, and booked
 * while it arrives: the import reads each part from the upload, or back from the database when it came before the
 * import started reading or the import resumes elsewhere (docs/decisions/0017-imports-booked-while-the-file-arrives.md).
 * Its size does not matter to the heap; lines are booked in batches of 125,000 (the first of 12,500, so booking starts
 * early), two at a time, each in one transaction with the lines it covered and the import's counts, so a restart
 * skips the batches booked. Each receipt is booked once in {@code loyalty_purchase}, whose key (post office, receipt
 * number) refuses it when a file is uploaded again, and each member gets one ledger entry per batch for their
 * receipts in it (docs/decisions/0014-purchase-receipts-apart-from-the-ledger.md).
 */
@Component
public class PurchaseImporter {

    static final int PART_SIZE = 1024 * 1024;
    static final int BATCH = 125_000;
    /** Batches booked at the same time, each on its own connection. */
    static final int BOOKING_THREADS = 2;

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final byte[] TAB = {'\t'};
    private static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Logger log = LoggerFactory.getLogger(PurchaseImporter.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Why an import whose file did not all arrive failed (a message key). */
    private static final String UPLOAD_BROKE_OFF = "import.error.uploadBrokeOff";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Ledger ledger;
    private final PurchasePointsDecision rates;
    private final Clock clock;
    /** The uploads arriving at this node, by import. */
    private final Map<Long, Arrival> arrivals = new ConcurrentHashMap<>();

    public PurchaseImporter(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            DataSource dataSource,
            TransactionTemplate transaction,
            Ledger ledger,
            PurchasePointsDecision rates,
            Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.ledger = ledger;
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * Records an upload about to arrive; {@link #receive} keeps its file, and {@link #run} may book it meanwhile.
     *
     * @param size the file's size as announced, for the progress until it has all arrived
     * @return the import's id
     */
    public long begin(String fileName, long size, String uploadedBy) {
        long importId = jdbc.sql("""
                        INSERT INTO loyalty_import (file_name, file_size, uploaded_by, uploaded_at, status, received)
                        VALUES (:name, :size, :by, :now, 'QUEUED', false) RETURNING id""")
                .param("name", fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .param("size", Math.max(0, size))
                .param("by", uploadedBy)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        arrivals.put(importId, new Arrival());
        return importId;
    }

    /**
     * Keeps the file in parts, each committed with a heartbeat as it arrives, and hands each to the import's reading
     * thread when that reads along. When the upload breaks off, the import fails; what it booked stays booked (a
     * second upload of the file books the rest, nothing twice), and the parts that came stay for staff to see.
     */
    public void receive(long importId, InputStream in) {
        Arrival arrival = arrivals.get(importId);
        long size = 0;
        int part = 0;
        try {
            // One buffer, filled by as few reads as the stream allows (readNBytes(int) reads 8 KB at a time).
            byte[] buffer = new byte[PART_SIZE];
            int length;
            while ((length = in.readNBytes(buffer, 0, PART_SIZE)) > 0) {
                byte[] data = Arrays.copyOf(buffer, length);
                int partNo = part++;
                transaction.executeWithoutResult(status -> {
                    jdbc.sql("INSERT INTO loyalty_import_part (import_id, part_no, data) VALUES (:id, :no, :data)")
                            .param("id", importId)
                            .param("no", partNo)
                            .param("data", data)
                            .update();
                    jdbc.sql("UPDATE loyalty_import SET heartbeat_at = :now WHERE id = :id")
                            .param("now", Timestamp.from(clock.instant()))
                            .param("id", importId)
                            .update();
                });
                arrival.kept(partNo, data);
                size += length;
            }
            jdbc.sql("UPDATE loyalty_import SET file_size = :size, received = true WHERE id = :id")
                    .param("size", size)
                    .param("id", importId)
                    .update();
            arrival.complete();
        } catch (IOException e) {
            brokeOff(importId, arrival);
            throw new UncheckedIOException("The upload broke off", e);
        } catch (RuntimeException e) {
            brokeOff(importId, arrival);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            brokeOff(importId, arrival);
            throw new IllegalStateException("The upload was interrupted", e);
        } finally {
            arrivals.remove(importId, arrival);
        }
    }

    /**
     * The import's reading thread, if it reads along, fails at the part that did not come; an import not started yet
     * fails now, rather than wait for another node to find it without a heartbeat.
     */
    private void brokeOff(long importId, Arrival arrival) {
        arrival.brokeOff();
        jdbc.sql("""
                        UPDATE loyalty_import SET status = 'FAILED', failure = :f, finished_at = :now
                         WHERE id = :id AND status = 'QUEUED'""")
                .param("f", UPLOAD_BROKE_OFF)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", importId)
                .update();
    }

    /**
     * An upload arriving at this node, followed by the import's reading thread: it takes each part from here when the
     * part came after it started reading, from the database when before, and waits for the parts still to come.
     * The parts waiting to be read are bounded, so the upload waits for a reader that lags.
     */
    static final class Arrival {
        static final int WAITING_PARTS = 8;
        /** What {@link #part} returns for a part to be read from the database. */
        static final byte[] IN_DATABASE = new byte[0];

        private final Map<Integer, byte[]> waiting = new HashMap<>();
        private int kept;
        private boolean complete;
        private boolean brokeOff;
        private boolean reading;

        synchronized void kept(int partNo, byte[] data) throws InterruptedException {
            while (reading && waiting.size() >= WAITING_PARTS) {
                wait();
            }
            if (reading) {
                waiting.put(partNo, data);
            }
            kept = partNo + 1;
            notifyAll();
        }

        synchronized void complete() {
            complete = true;
            notifyAll();
        }

        synchronized void brokeOff() {
            brokeOff = true;
            notifyAll();
        }

        /**
         * Waits for the part to be kept.
         *
         * @return its bytes, {@link #IN_DATABASE}, or null after the last part
         * @throws IllegalStateException when the upload broke off before the part came
         */
        synchronized byte[] part(int partNo) throws InterruptedException {
            reading = true;
            while (kept <= partNo && !complete && !brokeOff) {
                wait();
            }
            if (kept <= partNo) {
                if (brokeOff) {
                    throw new IllegalStateException(UPLOAD_BROKE_OFF);
                }
                return null;
            }
            byte[] data = waiting.remove(partNo);
            notifyAll();
            return data == null ? IN_DATABASE : data;
        }

        /** The reading thread stopped: the upload no longer waits for it. */
        synchronized void stopReading() {
            reading = false;
            waiting.clear();
            notifyAll();
        }
    }

    /** Claims the import unless another node works on it, and books it from where it stopped. */
    public void run(long importId) {
        Arrival arrival = arrivals.get(importId);
        if (!claim(importId, arrival != null)) {
            return;
        }
        try {
            if (arrival == null && !received(importId)) {
                throw new IllegalStateException(UPLOAD_BROKE_OFF); // its node stopped during the upload
            }
            process(importId, arrival);
            jdbc.sql("UPDATE loyalty_import SET status = 'DONE', finished_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", importId)
                    .update();
        } catch (RuntimeException | IOException e) {
            log.warn("Purchase import {} failed: {}", importId, e.toString());
            jdbc.sql("UPDATE loyalty_import SET status = 'FAILED', failure = :f, finished_at = :now WHERE id = :id")
                    .param(
                            "f",
                            String.valueOf(e.getMessage())
                                    .substring(
                                            0,
                                            Math.min(
                                                    1000,
                                                    String.valueOf(e.getMessage())
                                                            .length())))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", importId)
                    .update();
        } finally {
            if (arrival != null) {
                arrival.stopReading();
            }
        }
    }

    private boolean received(long importId) {
        return jdbc.sql("SELECT received FROM loyalty_import WHERE id = :id")
                .param("id", importId)
                .query(Boolean.class)
                .single();
    }

    /**
     * @param arrivingHere whether the file is arriving at this node; another node leaves an upload alone until it has
     *                     had no heartbeat for two minutes
     */
    private boolean claim(long importId, boolean arrivingHere) {
        return jdbc.sql("""
                        UPDATE loyalty_import SET status = 'RUNNING', heartbeat_at = :now
                         WHERE id = :id AND (status = 'QUEUED'
                               OR (status = 'RUNNING' AND heartbeat_at < :stale))
                           AND (:here OR received OR coalesce(heartbeat_at, uploaded_at) < :stale)""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("here", arrivingHere)
                        .param("stale", Timestamp.from(clock.instant().minusSeconds(120)))
                        .param("id", importId)
                        .update()
                == 1;
    }

    /** The line ranges of the batches booked before a restart, in file order. */
    private List<long[]> bookedRanges(long importId) {
        return jdbc.sql(
                        "SELECT first_line, last_line FROM loyalty_import_batch WHERE import_id = :id ORDER BY first_line")
                .param("id", importId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    /**
     * Reads and prepares the next batches (parse, card lookup, rating, the rows as COPY bytes) on one thread while
     * this one and a second book the batches before them, each on its own connection: the database's part runs on
     * two cores where it has them, and the Java work hides behind it. As many prepared batches wait as there are
     * booking threads, which bounds the memory.
     */
    private void process(long importId, Arrival arrival) throws IOException {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ClubTime.ZONE));
        List<long[]> booked = bookedRanges(importId);
        Timings timings = new Timings();
        BlockingQueue<Object> prepared = new ArrayBlockingQueue<>(BOOKING_THREADS);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(
                () -> read(importId, arrival, booked, now, prepared, stop, timings), "purchase-import-" + importId);
        reader.setDaemon(true);
        reader.start();
        List<Thread> helpers = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Runnable booking = () -> {
            try {
                while (!stop.get()) {
                    Object next = prepared.poll(100, TimeUnit.MILLISECONDS);
                    if (next instanceof Batch batch) {
                        book(importId, batch, timings);
                    } else if (next instanceof Exception e) {
                        failure.compareAndSet(null, e);
                        stop.set(true);
                    } else if (next == END) {
                        stop.set(true);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(
                        null, new IllegalStateException("Purchase import " + importId + " interrupted", e));
                stop.set(true);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                stop.set(true);
            } catch (Error e) {
                // A batch that could not be booked stops the others too, so no batch is skipped silently.
                failure.compareAndSet(
                        null, new IllegalStateException("Booking purchase import " + importId + " failed", e));
                stop.set(true);
            }
        };
        for (int i = 1; i < BOOKING_THREADS; i++) {
            Thread helper = new Thread(booking, "purchase-import-" + importId + "-booking-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        booking.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Purchase import " + importId + " interrupted", e);
        } finally {
            reader.interrupt();
        }
        log.debug("Purchase import {}: {}", importId, timings);
        if (failure.get() instanceof IOException e) {
            throw e;
        } else if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
    }

    /** The reading thread: batches into the queue, then an end mark (or the failure). */
    private void read(
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
        try (InputStream file = arrival == null ? original(importId) : arriving(importId, arrival)) {
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
                            prepare(
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
                        prepare(importId, purchases, refunds, rejected, firstLine, lineNo, read, rateBook, timings));
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

    private static final Object END = new Object();

    /**
     * A batch ready to book: its purchases with known cards, rated, the order to book them in (the receipts' key
     * order), that order as rows of COPY's text format, and the sums per member; the refunds; the
     * lines rejected so far.
     */
    private record Batch(
            Purchases purchases,
            int[] order,
            long[] points,
            int[] owner,
            Cards cards,
            CopyRows rows,
            List<MemberSum> sums,
            List<PurchaseLine> refunds,
            List<PurchaseLine.Rejected> errors,
            long firstLine,
            long lastLine,
            long lines) {}

    /**
     * One rate per category and day for the whole import: the version of the table deployed when the import starts
     * rates all of it, and a newer version takes effect for the next import. A batch's new pairs are evaluated at
     * once, on two threads where there are cores for them. The pairs are kept in an open-addressing table keyed by a
     * number (category, day), so rating a line costs a probe, not a boxed key and two map lookups.
     */
    private static final class RateBook {
        private final PurchasePointsDecision.Rates table;
        private final Map<String, Integer> categories = new HashMap<>();
        private final List<String> categoryNames = new ArrayList<>();
        /** (category + 1) << 32 | yyyyMMdd; 0 marks a free slot. */
        private long[] keys = new long[64];

        private PurchasePointsDecision.Rate[] values = new PurchasePointsDecision.Rate[64];
        private int size;

        RateBook(PurchasePointsDecision.Rates table) {
            this.table = table;
        }

        /**
         * The rate of each of the batch's purchases, evaluating the pairs seen first in this batch.
         *
         * @param evaluating receives the nanoseconds spent evaluating
         */
        PurchasePointsDecision.Rate[] ratesOf(Purchases purchases, LongAdder evaluating) {
            int[] category = new int[purchases.categoryCount()];
            for (int c = 0; c < category.length; c++) {
                category[c] = categories.computeIfAbsent(purchases.categoryName(c), name -> {
                    categoryNames.add(name);
                    return categoryNames.size() - 1;
                });
            }
            int n = purchases.size();
            long[] lineKeys = new long[n];
            List<Long> missing = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long key = (category[purchases.categoryNumber(i)] + 1L) << 32 | purchases.day(i);
                lineKeys[i] = key;
                int slot = slot(key);
                if (keys[slot] == 0) {
                    keys[slot] = key;
                    missing.add(key);
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
            }
            long t = System.nanoTime();
            List<PurchasePointsDecision.Rate> evaluated = missing.parallelStream()
                    .map(key -> table.rateFor(
                            categoryNames.get((int) (key >>> 32) - 1), Purchases.date((int) (key & 0xFFFF_FFFFL))))
                    .toList();
            for (int k = 0; k < missing.size(); k++) {
                values[slot(missing.get(k))] = evaluated.get(k);
            }
            evaluating.add(System.nanoTime() - t);
            PurchasePointsDecision.Rate[] rates = new PurchasePointsDecision.Rate[n];
            for (int i = 0; i < n; i++) {
                rates[i] = values[slot(lineKeys[i])];
            }
            return rates;
        }

        /** The key's slot, or the free slot where it belongs. */
        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 40) & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            PurchasePointsDecision.Rate[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new PurchasePointsDecision.Rate[oldKeys.length * 2];
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldKeys[k] != 0) {
                    int slot = slot(oldKeys[k]);
                    keys[slot] = oldKeys[k];
                    values[slot] = oldValues[k];
                }
            }
        }
    }

    /** Where an import's time goes, logged at DEBUG when it ends; reading and booking overlap. */
    private static final class Timings {
        volatile long parse;
        volatile long cards;
        volatile long rate;
        final LongAdder decisions = new LongAdder();
        volatile long render;
        final LongAdder copy = new LongAdder();
        final LongAdder ledger = new LongAdder();
        final LongAdder rest = new LongAdder();
        final LongAdder batches = new LongAdder();
        final LongAdder repeated = new LongAdder();

        @Override
        public String toString() {
            return String.format(
                    "%d batches (%d copies again without receipts booked before or repeated); reading thread: "
                            + "read+parse %d ms, cards %d ms, rating+sorting+sums %d ms (of which DMN %d ms), COPY rows %d ms; "
                            + "booking threads together: receipts COPY %d ms, accounts+ledger+balances %d ms, "
                            + "refunds+errors+progress %d ms",
                    batches.sum(),
                    repeated.sum(),
                    parse / 1_000_000,
                    cards / 1_000_000,
                    rate / 1_000_000,
                    decisions.sum() / 1_000_000,
                    render / 1_000_000,
                    copy.sum() / 1_000_000,
                    ledger.sum() / 1_000_000,
                    rest.sum() / 1_000_000);
        }
    }

    /**
     * Sorts a batch's lines: unknown cards are rejected, purchases rated, put in the receipts' key order, summed per
     * member and written as rows for the receipts table. The card lookup runs outside the booking transaction: cards are not
     * locked, a card blocked meanwhile still earns for this batch.
     */
    private Batch prepare(
            long importId,
            Purchases purchases,
            List<PurchaseLine> refunds,
            List<PurchaseLine.Rejected> rejected,
            long firstLine,
            long lastLine,
            long lineCount,
            RateBook rateBook,
            Timings timings) {
        long t = System.nanoTime();
        Cards cards = activeCards(purchases, refunds);
        long t2 = System.nanoTime();
        timings.cards += t2 - t;
        List<PurchaseLine.Rejected> errors = new ArrayList<>(rejected);
        List<PurchaseLine> knownRefunds = new ArrayList<>();
        for (PurchaseLine refund : refunds) {
            if (cards.find(Long.parseLong(refund.cardNumber())) < 0) {
                errors.add(new PurchaseLine.Rejected(refund.lineNo(), "unknownCard", refund.cardNumber()));
            } else {
                knownRefunds.add(refund);
            }
        }
        PurchasePointsDecision.Rate[] rates = rateBook.ratesOf(purchases, timings.decisions);
        int n = purchases.size();
        long[] points = new long[n];
        int[] owner = new int[n];
        // The receipts' key order, post office then receipt number: every batch inserts the keys it shares with
        // another in the same order, so two batches never wait on each other in a circle, and the inserts walk the
        // index from one end to the other. Post offices are six-digit numbers from 100000, so a counting sort groups
        // them; each office's receipts are then sorted.
        int[] offices = new int[900_001];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int card = cards.find(purchases.card(i));
            if (card < 0) {
                owner[i] = -1;
                errors.add(new PurchaseLine.Rejected(
                        purchases.lineNo(i), "unknownCard", Long.toString(purchases.card(i))));
                continue;
            }
            points[i] = rates[i].pointsFor(purchases.kopecks(i));
            owner[i] = card;
            offices[purchases.postcode(i) - 100_000 + 1]++;
            kept++;
        }
        for (int office = 1; office < offices.length; office++) {
            offices[office] += offices[office - 1];
        }
        int[] order = new int[kept];
        for (int i = 0; i < n; i++) {
            if (owner[i] >= 0) {
                order[offices[purchases.postcode(i) - 100_000]++] = i;
            }
        }
        for (int from = 0, to; from < kept; from = to) {
            to = from + 1;
            while (to < kept && purchases.postcode(order[to]) == purchases.postcode(order[from])) {
                to++;
            }
            purchases.sortByReceipt(order, from, to);
        }
        List<MemberSum> sums = MemberSum.of(purchases, order, points, owner, cards);
        long r = System.nanoTime();
        timings.rate += r - t2;
        CopyRows rows = rows(importId, purchases, order, points, owner, cards);
        timings.render += System.nanoTime() - r;
        errors.sort(java.util.Comparator.comparingLong(PurchaseLine.Rejected::lineNo));
        return new Batch(
                purchases,
                order,
                points,
                owner,
                cards,
                rows,
                sums,
                knownRefunds,
                errors,
                firstLine,
                lastLine,
                lineCount);
    }

    private static CopyRows rows(
            long importId, Purchases purchases, int[] order, long[] points, int[] owner, Cards cards) {
        CopyRows rows = new CopyRows(order.length * 40);
        // What repeats is written once: each member's id between its tabs, and the import's id ending each row.
        byte[][] members = new byte[cards.size()][];
        byte[] end = ("\t" + importId).getBytes(StandardCharsets.US_ASCII);
        // Rows come in post office order, so an office's number is written out once for all its receipts.
        int office = -1;
        byte[] officeText = null;
        for (int i : order) {
            byte[] member = members[owner[i]];
            if (member == null) {
                member = members[owner[i]] = ("\t" + cards.member(owner[i]) + "\t").getBytes(StandardCharsets.US_ASCII);
            }
            if (purchases.postcode(i) != office) {
                office = purchases.postcode(i);
                officeText = (office + "\t").getBytes(StandardCharsets.US_ASCII);
            }
            rows.ascii(officeText);
            purchases.receiptId(i, rows);
            rows.ascii(member)
                    .number(points[i])
                    .ascii(TAB)
                    .number(purchases.kopecks(i))
                    .ascii(end)
                    .endRow();
        }
        return rows;
    }

    /**
     * Books a batch in one transaction: its receipts, one ledger entry per member, its refunds, its rejected lines,
     * the lines it covered (so a restart skips them) and the import's counts.
     */
    private void book(long importId, Batch batch, Timings timings) {
        timings.batches.increment();
        transaction.executeWithoutResult(status -> {
            List<PurchaseLine.Rejected> errors = new ArrayList<>(batch.errors());
            long t = System.nanoTime();
            int[] order = bookReceipts(importId, batch, timings);
            timings.copy.add(System.nanoTime() - t);
            t = System.nanoTime();
            lockAccounts(batch, order);
            List<MemberSum> sums = order == batch.order()
                    ? batch.sums()
                    : MemberSum.of(batch.purchases(), order, batch.points(), batch.owner(), batch.cards());
            long points = credit(importId, batch.lastLine(), sums);
            timings.ledger.add(System.nanoTime() - t);
            t = System.nanoTime();
            long booked = order.length;
            long duplicates = batch.order().length - order.length;
            for (PurchaseLine refund : batch.refunds()) {
                String outcome = bookRefund(
                        importId,
                        refund,
                        batch.cards().member(batch.cards().find(Long.parseLong(refund.cardNumber()))));
                switch (outcome) {
                    case "booked" -> booked++;
                    case "duplicate" -> duplicates++;
                    default ->
                        errors.add(new PurchaseLine.Rejected(
                                refund.lineNo(), outcome, refund.cardNumber() + ";" + refund.receiptId()));
                }
            }
            copyErrors(importId, errors);
            jdbc.sql("INSERT INTO loyalty_import_batch (import_id, first_line, last_line) VALUES (:id, :first, :last)")
                    .param("id", importId)
                    .param("first", batch.firstLine())
                    .param("last", batch.lastLine())
                    .update();
            jdbc.sql("""
                            UPDATE loyalty_import SET lines_done = lines_done + :done, lines_booked = lines_booked + :booked,
                                   lines_duplicate = lines_duplicate + :dup, lines_rejected = lines_rejected + :rej,
                                   points_booked = points_booked + :points, heartbeat_at = :now
                             WHERE id = :id""")
                    .param("done", batch.lines())
                    .param("booked", booked)
                    .param("dup", duplicates)
                    .param("rej", (long) errors.size())
                    .param("points", points)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", importId)
                    .update();
            timings.rest.add(System.nanoTime() - t);
        });
    }

    /**
     * Copies a batch's receipts into the receipts table, whose key refuses any booked before. When the copy hits one
     * (a file uploaded again, overlapping exports, a receipt twice in a file), the batch's receipts go again each
     * once and without those now in the table; a batch booking at the same time may commit one of them meanwhile,
     * so this repeats a few times.
     *
     * @return the receipts booked, in the batch's booking order
     */
    private int[] bookReceipts(long importId, Batch batch, Timings timings) {
        int[] order = batch.order();
        if (order.length == 0) {
            return order;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyRows rows = batch.rows();
            for (int attempt = 1; ; attempt++) {
                Savepoint beforeCopy = connection.setSavepoint();
                try {
                    copyIn(
                            connection,
                            "COPY loyalty_purchase (postcode, receipt_id, member_id, points, kopecks, import_id) FROM STDIN",
                            rows);
                    connection.releaseSavepoint(beforeCopy);
                    return order;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == 5) {
                        throw e;
                    }
                    connection.rollback(beforeCopy);
                    timings.repeated.increment();
                    order = newReceipts(batch.purchases(), order);
                    rows = rows(importId, batch.purchases(), order, batch.points(), batch.owner(), batch.cards());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not book the batch's receipts", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Locks the accounts the batch books on (credits and refunds) in member order, all at once: two batches, the
     * counter and the expiry then never wait on each other in a circle.
     */
    private void lockAccounts(Batch batch, int[] order) {
        Cards cards = batch.cards();
        boolean[] booking = new boolean[cards.size()];
        for (int i : order) {
            booking[batch.owner()[i]] = true;
        }
        for (PurchaseLine refund : batch.refunds()) {
            booking[cards.find(Long.parseLong(refund.cardNumber()))] = true;
        }
        // One active card per member, so the members of these cards are distinct.
        Object[] ids = IntStream.range(0, booking.length)
                .filter(card -> booking[card])
                .mapToLong(cards::member)
                .sorted()
                .boxed()
                .toArray();
        if (ids.length == 0) {
            return;
        }
        jdbcTemplate.query(
                "SELECT member_id FROM loyalty_account WHERE member_id = ANY (?) ORDER BY member_id FOR UPDATE",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("int8", ids)),
                rs -> {});
    }

    /** The batch's receipts (in booking order), each once, less those the table already has. */
    private int[] newReceipts(Purchases purchases, int[] order) {
        Set<String> seen = new HashSet<>();
        Object[] postcodes = Arrays.stream(order).mapToObj(purchases::postcode).toArray();
        Object[] receipts = Arrays.stream(order).mapToObj(purchases::receiptId).toArray();
        jdbcTemplate.query(
                """
                        SELECT p.postcode, p.receipt_id FROM loyalty_purchase p
                          JOIN unnest(?::int4[], ?::text[]) AS b(postcode, receipt_id)
                            ON p.postcode = b.postcode AND p.receipt_id = b.receipt_id""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("int4", postcodes));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", receipts));
                },
                rs -> {
                    seen.add(rs.getInt(1) + ":" + rs.getString(2));
                });
        return IntStream.range(0, order.length)
                .filter(k -> seen.add(postcodes[k] + ":" + receipts[k]))
                .map(k -> order[k])
                .toArray();
    }

    /**
     * One ledger entry per member for their receipts in the batch ({@code purchases:<import>:<last line>:<member>},
     * dated at the newest of those purchases), and the sums added to the balances (their accounts locked already).
     *
     * @return the points credited
     */
    private long credit(long importId, long lastLine, List<MemberSum> sums) {
        List<MemberSum> credits = sums.stream().filter(s -> s.points != 0).toList();
        if (credits.isEmpty()) {
            return 0;
        }
        Object[] members = credits.stream().map(s -> s.memberId).toArray();
        Timestamp now = Timestamp.from(clock.instant());
        jdbcTemplate.update("""
                        WITH credit AS (
                            SELECT * FROM unnest(?::int8[], ?::int8[], ?::int8[], ?::text[], ?::int8[])
                                       AS c(member_id, card_id, points, reason, occurred_ms)),
                        entries AS (
                            INSERT INTO loyalty_ledger_entry (member_id, card_id, kind, points, source_ref, reason,
                                                              occurred_at, created_at)
                            SELECT member_id, card_id, 'EARN', points, ? || member_id, reason,
                                   to_timestamp(occurred_ms / 1000.0), ?
                              FROM credit)
                        UPDATE loyalty_account a SET balance = a.balance + c.points, updated_at = ?
                          FROM credit c WHERE a.member_id = c.member_id""", ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, c.createArrayOf("int8", members));
            ps.setArray(
                    2,
                    c.createArrayOf("int8", credits.stream().map(s -> s.cardId).toArray()));
            ps.setArray(
                    3,
                    c.createArrayOf("int8", credits.stream().map(s -> s.points).toArray()));
            ps.setArray(
                    4,
                    c.createArrayOf(
                            "text", credits.stream().map(MemberSum::reason).toArray()));
            ps.setArray(
                    5,
                    c.createArrayOf(
                            "int8",
                            credits.stream()
                                    .map(s -> Purchases.unpacked(s.newest)
                                            .atZone(ClubTime.ZONE)
                                            .toInstant()
                                            .toEpochMilli())
                                    .toArray()));
            ps.setString(6, "purchases:" + importId + ":" + lastLine + ":");
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
        });
        return credits.stream().mapToLong(s -> s.points).sum();
    }

    /** A member's receipts in a batch, summed. */
    private static final class MemberSum {
        final long memberId;
        final long cardId;
        long points;
        long receipts;
        long kopecks;
        long newest;

        private MemberSum(long memberId, long cardId) {
            this.memberId = memberId;
            this.cardId = cardId;
        }

        /** @return the sums of the purchases in {@code order}, in member order */
        static List<MemberSum> of(Purchases purchases, int[] order, long[] points, int[] owner, Cards cards) {
            MemberSum[] byCard = new MemberSum[cards.size()];
            for (int i : order) {
                MemberSum sum = byCard[owner[i]];
                if (sum == null) {
                    sum = byCard[owner[i]] = new MemberSum(cards.member(owner[i]), cards.cardId(owner[i]));
                }
                sum.points += points[i];
                sum.receipts++;
                sum.kopecks += purchases.kopecks(i);
                sum.newest = Math.max(sum.newest, purchases.purchasedAt(i));
            }
            return Arrays.stream(byCard)
                    .filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparingLong(s -> s.memberId))
                    .toList();
        }

        String reason() {
            return EntryReason.receipts(receipts, kopecks);
        }
    }

    /**
     * The batch's rejected lines, each at most once (a line is read once, and batches cover lines of their own), by
     * COPY: a file of nothing but wrong lines is listed about as quickly as a good one is booked.
     */
    private void copyErrors(long importId, List<PurchaseLine.Rejected> errors) {
        if (errors.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows(errors.size() * 96);
        byte[] id = (importId + "\t").getBytes(StandardCharsets.US_ASCII);
        for (PurchaseLine.Rejected error : errors) {
            byte[] reason = error.reason().getBytes(StandardCharsets.UTF_8);
            byte[] raw = (error.raw().length() > 1000 ? error.raw().substring(0, 1000) : error.raw())
                    .getBytes(StandardCharsets.UTF_8);
            rows.ascii(id)
                    .number(error.lineNo())
                    .tab()
                    .escaped(reason, 0, reason.length)
                    .tab()
                    .escaped(raw, 0, raw.length)
                    .endRow();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            copyIn(connection, "COPY loyalty_import_error (import_id, line_no, reason, raw_line) FROM STDIN", rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the batch's rejected lines", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void copyIn(Connection connection, String sql, CopyRows rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(rows.bytes(), 0, rows.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Takes back the points of the amount a refund line returns: the receipt keeps the points of what is left of its
     * amount at the rate it earned at (for a receipt booked before amounts were kept, the refund takes back all its
     * points). Each refund line counts once, known by its receipt, time and amount.
     *
     * @return booked, duplicate, or why it was refused
     */
    private String bookRefund(long importId, PurchaseLine refund, long memberId) {
        int postcode = Integer.parseInt(refund.postcode());
        Optional<long[]> receipt = jdbc.sql("""
                        SELECT points, kopecks, refunded_kopecks, refunded_points FROM loyalty_purchase
                         WHERE postcode = :postcode AND receipt_id = :receipt AND member_id = :m FOR UPDATE""")
                .param("postcode", postcode)
                .param("receipt", refund.receiptId())
                .param("m", memberId)
                .query((rs, i) -> new long[] {
                    rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2), rs.getLong(3), rs.getLong(4)
                })
                .optional();
        if (receipt.isEmpty()) {
            return "refundWithoutOriginal";
        }
        long kopecks = refund.amount().movePointRight(2).abs().longValueExact();
        Timestamp refundedAt = Timestamp.valueOf(refund.purchasedAt());
        boolean seen = jdbc.sql("""
                        SELECT count(*) FROM loyalty_purchase_refund
                         WHERE postcode = :postcode AND receipt_id = :receipt AND refunded_at = :at AND kopecks = :k""")
                        .param("postcode", postcode)
                        .param("receipt", refund.receiptId())
                        .param("at", refundedAt)
                        .param("k", kopecks)
                        .query(Long.class)
                        .single()
                > 0;
        if (seen) {
            return "duplicate";
        }
        long[] r = receipt.get();
        long refundedKopecks = r[1] < 0 ? r[2] + kopecks : Math.min(r[1], r[2] + kopecks);
        long points = pointsTakenBack(r[0], r[1], refundedKopecks, r[3]);
        if (points > 0) {
            try {
                ledger.book(
                        memberId,
                        Ledger.Kind.REVERSE,
                        -points,
                        "return:" + postcode + ":" + RETURN_TIME.format(refund.purchasedAt()) + ":" + kopecks + ":"
                                + refund.receiptId(),
                        EntryReason.refund(refund.amount()),
                        null);
            } catch (InsufficientPoints e) {
                return "refundExceedsBalance";
            }
        }
        jdbc.sql("""
                        INSERT INTO loyalty_purchase_refund (postcode, receipt_id, refunded_at, kopecks, points, import_id)
                        VALUES (:postcode, :receipt, :at, :k, :points, :import)""")
                .param("postcode", postcode)
                .param("receipt", refund.receiptId())
                .param("at", refundedAt)
                .param("k", kopecks)
                .param("points", points)
                .param("import", importId)
                .update();
        jdbc.sql("""
                        UPDATE loyalty_purchase SET refunded_kopecks = :rk, refunded_points = refunded_points + :points
                         WHERE postcode = :postcode AND receipt_id = :receipt""")
                .param("rk", refundedKopecks)
                .param("points", points)
                .param("postcode", postcode)
                .param("receipt", refund.receiptId())
                .update();
        return "booked";
    }

    /**
     * The points a refund takes back from a receipt that earned {@code points} for {@code amount} kopecks (negative
     * when not known) and gave back {@code pointsBefore} already: what it earned less what the amount not refunded
     * would earn at the same rate per full hundred roubles.
     */
    static long pointsTakenBack(long points, long amount, long refundedKopecks, long pointsBefore) {
        long hundreds = amount / 10_000;
        long kept = amount < 0 || hundreds == 0 ? 0 : (amount - refundedKopecks) / 10_000 * (points / hundreds);
        return Math.max(0, points - pointsBefore - kept);
    }

    /** The batch's cards that earn, by number. */
    private static final class Cards {
        private final long[] numbers;
        private final long[] members;
        private final long[] ids;

        Cards(long[] numbers, long[] members, long[] ids) {
            this.numbers = numbers;
            this.members = members;
            this.ids = ids;
        }

        /** @return the card's index, negative when it does not earn */
        int find(long number) {
            return Arrays.binarySearch(numbers, number);
        }

        int size() {
            return numbers.length;
        }

        long member(int card) {
            return members[card];
        }

        long cardId(int card) {
            return ids[card];
        }
    }

    private Cards activeCards(Purchases purchases, List<PurchaseLine> refunds) {
        long[] all = new long[purchases.size() + refunds.size()];
        for (int i = 0; i < purchases.size(); i++) {
            all[i] = purchases.card(i);
        }
        for (int i = 0; i < refunds.size(); i++) {
            all[purchases.size() + i] = Long.parseLong(refunds.get(i).cardNumber());
        }
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[unique++] = all[i];
            }
        }
        Object[] distinct =
                Arrays.stream(all, 0, unique).mapToObj(Long::toString).toArray();
        if (distinct.length == 0) {
            return new Cards(new long[0], new long[0], new long[0]);
        }
        List<long[]> found = jdbcTemplate.query(
                """
                        SELECT card_number::int8, member_id, id FROM loyalty_card
                         WHERE status = 'ACTIVE' AND card_number = ANY (?) ORDER BY 1""", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", distinct)), (rs, i) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        return new Cards(
                found.stream().mapToLong(c -> c[0]).toArray(),
                found.stream().mapToLong(c -> c[1]).toArray(),
                found.stream().mapToLong(c -> c[2]).toArray());
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

    /**
     * The kept file as one stream, fetching a part at a time, in binary: as text, each part would come as hex, twice
     * its size, for the server to write and the driver to read back.
     */
    public InputStream original(long importId) {
        int count = jdbc.sql("SELECT count(*) FROM loyalty_import_part WHERE import_id = :id")
                .param("id", importId)
                .query(Integer.class)
                .single();
        return parts(partNo -> partNo < count ? keptPart(importId, partNo) : null);
    }

    /** The file as it arrives: each part from the upload when it came after the reading started, else as kept. */
    private InputStream arriving(long importId, Arrival arrival) {
        return parts(partNo -> {
            try {
                byte[] data = arrival.part(partNo);
                return data == Arrival.IN_DATABASE ? keptPart(importId, partNo) : data;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Purchase import " + importId + " interrupted", e);
            }
        });
    }

    /** @param part a part's bytes by number, null after the last */
    private static InputStream parts(IntFunction<byte[]> part) {
        return new SequenceInputStream(new Enumeration<>() {
            private int next;
            private byte[] data;
            private boolean fetched;

            @Override
            public boolean hasMoreElements() {
                if (!fetched) {
                    data = part.apply(next);
                    fetched = true;
                }
                return data != null;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                fetched = false;
                next++;
                return new ByteArrayInputStream(data);
            }
        });
    }

    private byte[] keptPart(long importId, int partNo) {
        return jdbcTemplate.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT data FROM loyalty_import_part WHERE import_id = ? AND part_no = ?");
                    select.unwrap(PGStatement.class).setPrepareThreshold(-1); // binary from the first execution on
                    select.setLong(1, importId);
                    select.setInt(2, partNo);
                    return select;
                },
                (ResultSet rs) -> rs.next() ? rs.getBytes(1) : new byte[0]);
    }
}
