package org.clientclub.loyalty.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.process.PurchasePointsDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a till export. The file is kept in the database in 1 MB parts and read back as a stream, so its size
 * does not matter to the heap; lines are booked in batches of 50,000, each batch in one transaction together with the
 * import's progress, so a restart carries on after the last booked batch and a file uploaded again books
 * nothing twice (the ledger's source references are {@code purchase:<postcode>:<receipt>}).
 */
@Component
public class PurchaseImporter {

    static final int PART_SIZE = 1024 * 1024;
    static final int BATCH = 50_000;
    private static final ZoneId CLUB_ZONE = ZoneId.of("Europe/Moscow");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Logger log = LoggerFactory.getLogger(PurchaseImporter.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Ledger ledger;
    private final PurchasePointsDecision rates;
    private final Clock clock;

    public PurchaseImporter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource,
                            TransactionTemplate transaction, Ledger ledger, PurchasePointsDecision rates, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.ledger = ledger;
        this.rates = rates;
        this.clock = clock;
    }

    /** Keeps the uploaded file and queues it. @return the import's id */
    public long store(String fileName, InputStream in, String uploadedBy) {
        Long id = transaction.execute(status -> {
            long importId = jdbc.sql("""
                            INSERT INTO loyalty_import (file_name, file_size, uploaded_by, uploaded_at, status)
                            VALUES (:name, 0, :by, :now, 'QUEUED') RETURNING id""")
                    .param("name", fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                    .param("by", uploadedBy).param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            long size = 0;
            int part = 0;
            try {
                byte[] buffer;
                while ((buffer = in.readNBytes(PART_SIZE)).length > 0) {
                    jdbc.sql("INSERT INTO loyalty_import_part (import_id, part_no, data) VALUES (:id, :no, :data)")
                            .param("id", importId).param("no", part++).param("data", buffer).update();
                    size += buffer.length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The upload broke off", e);
            }
            jdbc.sql("UPDATE loyalty_import SET file_size = :size WHERE id = :id").param("size", size)
                    .param("id", importId).update();
            return importId;
        });
        return id == null ? -1 : id;
    }

    /** Claims the import unless another node works on it, and books it from where it stopped. */
    public void run(long importId) {
        Optional<Long> start = claim(importId);
        if (start.isEmpty()) {
            return;
        }
        try {
            process(importId, start.get());
            jdbc.sql("UPDATE loyalty_import SET status = 'DONE', finished_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", importId).update();
        } catch (RuntimeException | IOException e) {
            log.warn("Purchase import {} failed: {}", importId, e.toString());
            jdbc.sql("UPDATE loyalty_import SET status = 'FAILED', failure = :f, finished_at = :now WHERE id = :id")
                    .param("f", String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length())))
                    .param("now", Timestamp.from(clock.instant())).param("id", importId).update();
        }
    }

    private Optional<Long> claim(long importId) {
        return jdbc.sql("""
                        UPDATE loyalty_import SET status = 'RUNNING', heartbeat_at = :now
                         WHERE id = :id AND (status = 'QUEUED'
                               OR (status = 'RUNNING' AND heartbeat_at < :stale))
                        RETURNING lines_done""")
                .param("now", Timestamp.from(clock.instant()))
                .param("stale", Timestamp.from(clock.instant().minusSeconds(120)))
                .param("id", importId).query(Long.class).optional();
    }

    /**
     * Reads and prepares the next batch (parse, card lookup, rating, the staging rows as COPY bytes) on a second
     * thread while this one books the previous batch, so the Java work hides behind the database's. One prepared
     * batch waits at most, which bounds the memory.
     */
    private void process(long importId, long linesDone) throws IOException {
        Charset charset = detectCharset(importId);
        jdbc.sql("UPDATE loyalty_import SET charset = :c WHERE id = :id").param("c", charset.name())
                .param("id", importId).update();
        LocalDateTime now = LocalDateTime.now(clock.withZone(CLUB_ZONE));
        Timings timings = new Timings();
        BlockingQueue<Object> prepared = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> read(importId, charset, linesDone, now, prepared, timings),
                "purchase-import-" + importId);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object next = prepared.take();
                if (next instanceof Batch batch) {
                    book(importId, batch, timings);
                } else if (next instanceof RuntimeException e) {
                    throw e;
                } else if (next instanceof IOException e) {
                    throw e;
                } else {
                    break;
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Purchase import " + importId + " interrupted", e);
        } finally {
            reader.interrupt();
        }
        log.debug("Purchase import {}: {}", importId, timings);
    }

    /** The reading thread: batches into the queue, then an end mark (or the failure). */
    private void read(long importId, Charset charset, long linesDone, LocalDateTime now, BlockingQueue<Object> prepared,
                      Timings timings) {
        // One rate per category and day for the whole import: the version of the table deployed when the import
        // starts rates all of it, and a newer version takes effect for the next import.
        Map<RateKey, PurchasePointsDecision.Rate> rateCache = new HashMap<>();
        Object end = END;
        PurchasePointsDecision.Rates table;
        try {
            table = rates.newestVersion();
        } catch (RuntimeException e) {
            log.warn("Purchase import {}: rating through the decision service, the table could not be parsed: {}",
                    importId, e.toString());
            table = rates::rateFor;
        }
        PurchasePointsDecision.Rates rating = table;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(parts(importId), charset), 1 << 16)) {
            String header = in.readLine();
            if (header == null || !PurchaseLine.isHeader(header)) {
                throw new IllegalArgumentException("import.error.header");
            }
            List<PurchaseLine> lines = new ArrayList<>(BATCH);
            List<PurchaseLine.Rejected> rejected = new ArrayList<>();
            long lineNo = 1;
            String raw;
            long t = System.nanoTime();
            while ((raw = in.readLine()) != null) {
                lineNo++;
                if (lineNo <= linesDone + 1 || raw.isBlank()) {
                    continue;
                }
                Object parsed = PurchaseLine.parse(lineNo, raw, now);
                if (parsed instanceof PurchaseLine line) {
                    lines.add(line);
                } else {
                    rejected.add((PurchaseLine.Rejected) parsed);
                }
                if (lines.size() + rejected.size() >= BATCH) {
                    timings.parse += System.nanoTime() - t;
                    prepared.put(prepare(lines, rejected, lineNo - 1, rating, rateCache, timings));
                    lines = new ArrayList<>(BATCH);
                    rejected = new ArrayList<>();
                    t = System.nanoTime();
                }
            }
            timings.parse += System.nanoTime() - t;
            prepared.put(prepare(lines, rejected, lineNo - 1, rating, rateCache, timings));
        } catch (InterruptedException e) {
            return; // the booking thread gave up
        } catch (RuntimeException | IOException e) {
            end = e;
        } catch (Error e) {
            end = new IllegalStateException("Reading purchase import " + importId + " failed", e);
        }
        try {
            prepared.put(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Object END = new Object();

    private record RateKey(String category, LocalDate date) {
    }

    /**
     * A batch ready to book: the staging rows of its new purchases in COPY's text format, the refunds, the lines
     * rejected so far, and what its purchases counted before booking.
     */
    private record Batch(CopyRows staged, Map<String, long[]> cards, List<PurchaseLine> refunds,
                         List<PurchaseLine.Rejected> errors, long duplicates, long zeroPoints, long linesDone) {
    }

    /** Where an import's time goes, logged at DEBUG when it ends; reading and booking overlap. */
    private static final class Timings {
        volatile long parse;
        volatile long cards;
        volatile long rate;
        volatile long decisions;
        volatile long render;
        volatile long copy;
        volatile long insert;
        volatile long rest;
        volatile long batches;

        @Override
        public String toString() {
            return String.format("%d batches; reading thread: read+parse %d ms, cards %d ms, sorting+rating %d ms (of which DMN %d ms), "
                            + "COPY rows %d ms; booking thread: COPY %d ms, ledger insert+balances %d ms, "
                            + "refunds+errors+progress+commit %d ms", batches, parse / 1_000_000, cards / 1_000_000,
                    rate / 1_000_000, decisions / 1_000_000, render / 1_000_000, copy / 1_000_000, insert / 1_000_000, rest / 1_000_000);
        }
    }

    /**
     * Sorts a batch's lines: unknown cards are rejected, refunds kept for booking one by one, purchases
     * de-duplicated by source reference, rated, and written as staging rows. The card lookup runs outside the
     * booking transaction, as it did inside it: cards are not locked, a card blocked meanwhile still earns for
     * this batch.
     */
    private Batch prepare(List<PurchaseLine> lines, List<PurchaseLine.Rejected> rejected, long linesDone,
                          PurchasePointsDecision.Rates table, Map<RateKey, PurchasePointsDecision.Rate> rateCache,
                          Timings timings) {
        long t = System.nanoTime();
        Map<String, long[]> cards = activeCards(lines);
        long t2 = System.nanoTime();
        timings.cards += t2 - t;
        List<PurchaseLine.Rejected> errors = new ArrayList<>(rejected);
        List<PurchaseLine> refunds = new ArrayList<>();
        Set<String> refs = new HashSet<>(lines.size() * 2);
        CopyRows staged = new CopyRows(lines.size() * 96);
        long duplicates = 0;
        long zeroPoints = 0;
        long render = 0;
        for (PurchaseLine line : lines) {
            long[] card = cards.get(line.cardNumber());
            if (card == null) {
                errors.add(new PurchaseLine.Rejected(line.lineNo(), "unknownCard", line.cardNumber()));
                continue;
            }
            if (line.isRefund()) {
                refunds.add(line);
                continue;
            }
            String sourceRef = sourceRef(line);
            if (!refs.add(sourceRef)) {
                duplicates++;
                continue;
            }
            PurchasePointsDecision.Rate rate = rateCache.computeIfAbsent(
                    new RateKey(line.category(), line.purchaseDate()),
                    k -> {
                        long d = System.nanoTime();
                        PurchasePointsDecision.Rate evaluated = table.rateFor(k.category(), k.date());
                        timings.decisions += System.nanoTime() - d;
                        return evaluated;
                    });
            long points = rate.pointsFor(line.amount());
            if (points == 0) {
                zeroPoints++;
                continue;
            }
            long r = System.nanoTime();
            staged.number(card[0]).tab().number(card[1]).tab().number(points).tab().text(sourceRef).tab()
                    .text(line.category()).ascii(" ").ascii(line.amount().toPlainString()).text(" ₽");
            if (rate.campaign() != null) {
                staged.ascii(" ").text(rate.campaign());
            }
            timestamp(staged.tab(), line.purchasedAt());
            staged.endRow();
            render += System.nanoTime() - r;
        }
        timings.rate += System.nanoTime() - t2 - render;
        timings.render += render;
        return new Batch(staged, cards, refunds, errors, duplicates, zeroPoints, linesDone);
    }

    private void book(long importId, Batch batch, Timings timings) {
        timings.batches++;
        transaction.executeWithoutResult(status -> {
            List<PurchaseLine.Rejected> errors = new ArrayList<>(batch.errors());
            long[] counts = bookPurchases(batch.staged(), timings);
            long t = System.nanoTime();
            long booked = counts[0] + batch.zeroPoints();
            long duplicates = counts[1] + batch.duplicates();
            long points = counts[2];
            for (PurchaseLine refund : batch.refunds()) {
                String outcome = bookRefund(refund, batch.cards().get(refund.cardNumber())[0]);
                switch (outcome) {
                    case "booked" -> booked++;
                    case "duplicate" -> duplicates++;
                    default -> errors.add(new PurchaseLine.Rejected(refund.lineNo(), outcome,
                            refund.cardNumber() + ";" + refund.receiptId()));
                }
            }
            jdbcTemplate.batchUpdate("INSERT INTO loyalty_import_error (import_id, line_no, reason, raw_line) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", errors, 500, (ps, e) -> {
                        ps.setLong(1, importId);
                        ps.setLong(2, e.lineNo());
                        ps.setString(3, e.reason());
                        ps.setString(4, e.raw().length() > 1000 ? e.raw().substring(0, 1000) : e.raw());
                    });
            jdbc.sql("""
                            UPDATE loyalty_import SET lines_done = :done, lines_booked = lines_booked + :booked,
                                   lines_duplicate = lines_duplicate + :dup, lines_rejected = lines_rejected + :rej,
                                   points_booked = points_booked + :points, heartbeat_at = :now
                             WHERE id = :id""")
                    .param("done", batch.linesDone()).param("booked", booked).param("dup", duplicates)
                    .param("rej", (long) errors.size()).param("points", points)
                    .param("now", Timestamp.from(clock.instant())).param("id", importId).update();
            timings.rest += System.nanoTime() - t;
        });
    }

    /**
     * Books a batch of purchases set-wise: the staging rows are copied into a session table, and one statement
     * inserts the ledger entries (a source reference booked before is skipped), sums them per member and adds the
     * sums to the balances.
     *
     * @return booked lines, duplicate lines, points booked
     */
    private long[] bookPurchases(CopyRows staged, Timings timings) {
        if (staged.rows() == 0) {
            return new long[3];
        }
        long t = System.nanoTime();
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS loyalty_import_stage (member_id BIGINT, card_id BIGINT, points BIGINT,
                       source_ref TEXT COLLATE "C", reason TEXT, occurred_at TIMESTAMPTZ) ON COMMIT DELETE ROWS""")
                .update();
        copyIn(staged);
        timings.copy += System.nanoTime() - t;
        t = System.nanoTime();
        // Lock the accounts in one order, so two imports and the counter never wait on each other in a circle.
        jdbc.sql("""
                SELECT member_id FROM loyalty_account
                 WHERE member_id IN (SELECT DISTINCT member_id FROM loyalty_import_stage)
                 ORDER BY member_id FOR UPDATE""").query(Long.class).list();
        long[] result = jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO loyalty_ledger_entry (member_id, card_id, kind, points, source_ref, reason,
                                                              occurred_at, created_at)
                            SELECT member_id, card_id, 'EARN', points, source_ref, reason, occurred_at, :now
                              FROM loyalty_import_stage
                            ON CONFLICT (source_ref) DO NOTHING
                            RETURNING member_id, points),
                        sums AS (SELECT member_id, sum(points) AS delta, count(*) AS n FROM inserted GROUP BY member_id),
                        updated AS (
                            UPDATE loyalty_account a SET balance = a.balance + sums.delta, updated_at = :now
                              FROM sums WHERE a.member_id = sums.member_id RETURNING a.member_id)
                        SELECT coalesce(sum(n), 0), coalesce(sum(delta), 0), (SELECT count(*) FROM updated) FROM sums""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        timings.insert += System.nanoTime() - t;
        long inserted = result[0];
        return new long[] {inserted, staged.rows() - inserted, result[1]};
    }

    private void copyIn(CopyRows staged) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY loyalty_import_stage (member_id, card_id, points, source_ref, reason, occurred_at) FROM STDIN");
            try {
                copy.writeToCopy(staged.bytes(), 0, staged.length());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the batch", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The club's local time with its UTC offset, as PostgreSQL reads it: 2026-11-20 10:15:00+03:00. */
    private static void timestamp(CopyRows row, LocalDateTime at) {
        int offset = CLUB_ZONE.getRules().getOffset(at).getTotalSeconds();
        row.number(at.getYear()).ascii("-").two(at.getMonthValue()).ascii("-").two(at.getDayOfMonth()).ascii(" ")
                .two(at.getHour()).ascii(":").two(at.getMinute()).ascii(":").two(at.getSecond())
                .ascii(offset < 0 ? "-" : "+");
        offset = Math.abs(offset);
        row.two(offset / 3600).ascii(":").two(offset / 60 % 60);
        if (offset % 60 != 0) {
            row.ascii(":").two(offset % 60);
        }
    }

    /** @return "booked", "duplicate", or the reason it was refused */
    private String bookRefund(PurchaseLine refund, long memberId) {
        String original = "purchase:" + refund.postcode() + ":" + refund.receiptId();
        Optional<Long> originalPoints = jdbc.sql("SELECT points FROM loyalty_ledger_entry WHERE source_ref = :ref AND member_id = :m")
                .param("ref", original).param("m", memberId).query(Long.class).optional();
        if (originalPoints.isEmpty()) {
            return "refundWithoutOriginal";
        }
        try {
            return ledger.book(memberId, Ledger.Kind.REVERSE, -originalPoints.get(), "refund:" + refund.postcode() + ":"
                    + refund.receiptId(), "refund " + refund.amount() + " ₽", null) ? "booked" : "duplicate";
        } catch (InsufficientPoints e) {
            return "refundExceedsBalance";
        }
    }

    /** @return card number → {member id, card id} of the batch's cards that earn */
    private Map<String, long[]> activeCards(List<PurchaseLine> lines) {
        Set<String> numbers = new HashSet<>();
        lines.forEach(l -> numbers.add(l.cardNumber()));
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, long[]> cards = new HashMap<>();
        jdbcTemplate.query("SELECT card_number, member_id, id FROM loyalty_card WHERE status = 'ACTIVE' AND card_number = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", numbers.toArray())),
                rs -> {
                    cards.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return cards;
    }

    private static String sourceRef(PurchaseLine line) {
        return "purchase:" + line.postcode() + ":" + line.receiptId();
    }

    /** UTF-8 when the start of the file is valid UTF-8 (or has its byte-order mark), windows-1251 otherwise. */
    private Charset detectCharset(long importId) {
        byte[] first = jdbc.sql("SELECT substring(data from 1 for 65536) FROM loyalty_import_part WHERE import_id = :id AND part_no = 0")
                .param("id", importId).query(byte[].class).optional().orElse(new byte[0]);
        if (first.length >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        // A multi-byte character may be cut at the end of the sample: leave the last three bytes out.
        int length = first.length == 65536 ? first.length - 3 : first.length;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(first, 0, Math.max(0, length)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1251;
        }
    }

    /** The kept file as one stream, fetching a part at a time. */
    private InputStream parts(long importId) {
        int count = jdbc.sql("SELECT count(*) FROM loyalty_import_part WHERE import_id = :id").param("id", importId)
                .query(Integer.class).single();
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = 0;

            @Override
            public boolean hasMoreElements() {
                return next < count;
            }

            @Override
            public InputStream nextElement() {
                byte[] data = jdbc.sql("SELECT data FROM loyalty_import_part WHERE import_id = :id AND part_no = :no")
                        .param("id", importId).param("no", next++).query(byte[].class).single();
                return new ByteArrayInputStream(data);
            }
        };
        return count == 0 ? InputStream.nullInputStream() : new SequenceInputStream(parts);
    }
}
