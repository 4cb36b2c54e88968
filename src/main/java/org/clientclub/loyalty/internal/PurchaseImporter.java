package org.clientclub.loyalty.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.StringReader;
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
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.process.PurchasePointsDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a till export. The file is kept in the database in 1 MB parts and read back as a stream, so its size
 * does not matter to the heap; lines are booked in batches of 10,000, each batch in one transaction together with the
 * import's progress, so a restart carries on after the last booked batch and a file uploaded again books
 * nothing twice (the ledger's source references are {@code purchase:<postcode>:<receipt>}).
 */
@Component
public class PurchaseImporter {

    static final int PART_SIZE = 1024 * 1024;
    static final int BATCH = 10_000;
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

    private void process(long importId, long linesDone) throws IOException {
        Charset charset = detectCharset(importId);
        jdbc.sql("UPDATE loyalty_import SET charset = :c WHERE id = :id").param("c", charset.name())
                .param("id", importId).update();
        LocalDateTime now = LocalDateTime.now(clock.withZone(CLUB_ZONE));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(parts(importId), charset))) {
            String header = reader.readLine();
            if (header == null || !PurchaseLine.isHeader(header)) {
                throw new IllegalArgumentException("import.error.header");
            }
            List<PurchaseLine> lines = new ArrayList<>();
            List<PurchaseLine.Rejected> rejected = new ArrayList<>();
            long lineNo = 1;
            String raw;
            while ((raw = reader.readLine()) != null) {
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
                    book(importId, lines, rejected, lineNo - 1);
                    lines.clear();
                    rejected.clear();
                }
            }
            book(importId, lines, rejected, lineNo - 1);
        }
    }

    private void book(long importId, List<PurchaseLine> lines, List<PurchaseLine.Rejected> rejected, long linesDone) {
        transaction.executeWithoutResult(status -> {
            List<PurchaseLine.Rejected> errors = new ArrayList<>(rejected);
            Map<String, Long> members = activeCards(lines);
            List<PurchaseLine> purchases = new ArrayList<>();
            List<PurchaseLine> refunds = new ArrayList<>();
            for (PurchaseLine line : lines) {
                if (!members.containsKey(line.cardNumber())) {
                    errors.add(new PurchaseLine.Rejected(line.lineNo(), "unknownCard", line.cardNumber()));
                } else if (line.isRefund()) {
                    refunds.add(line);
                } else {
                    purchases.add(line);
                }
            }
            long[] counts = bookPurchases(purchases, members);
            long booked = counts[0];
            long duplicates = counts[1];
            long points = counts[2];
            for (PurchaseLine refund : refunds) {
                String outcome = bookRefund(refund, members.get(refund.cardNumber()));
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
                    .param("done", linesDone).param("booked", booked).param("dup", duplicates)
                    .param("rej", (long) errors.size()).param("points", points)
                    .param("now", Timestamp.from(clock.instant())).param("id", importId).update();
        });
    }

    /**
     * Books a batch of purchases set-wise: the lines are copied into a staging table, and one statement inserts
     * the ledger entries (a source reference booked before is skipped), sums them per member and adds the sums to
     * the balances.
     *
     * @return booked lines, duplicate lines, points booked
     */
    private long[] bookPurchases(List<PurchaseLine> purchases, Map<String, Long> members) {
        if (purchases.isEmpty()) {
            return new long[3];
        }
        Map<String, PurchaseLine> byRef = new HashMap<>();
        long duplicates = 0;
        for (PurchaseLine line : purchases) {
            if (byRef.putIfAbsent(sourceRef(line), line) != null) {
                duplicates++;
            }
        }
        Map<String, PurchasePointsDecision.Rate> rateCache = new HashMap<>();
        StringBuilder staged = new StringBuilder(byRef.size() * 96);
        Set<Long> memberIds = new HashSet<>();
        long zeroPoints = 0;
        long rows = 0;
        for (Map.Entry<String, PurchaseLine> entry : byRef.entrySet()) {
            PurchaseLine line = entry.getValue();
            PurchasePointsDecision.Rate rate = rateCache.computeIfAbsent(line.category() + "|" + line.purchaseDate(),
                    k -> rates.rateFor(line.category(), line.purchaseDate()));
            long earned = rate.pointsFor(line.amount());
            if (earned == 0) {
                zeroPoints++;
                continue;
            }
            long memberId = members.get(line.cardNumber());
            memberIds.add(memberId);
            staged.append(memberId).append('\t').append(line.cardNumber()).append('\t').append(earned).append('\t')
                    .append(copyText(entry.getKey())).append('\t')
                    .append(copyText(line.category() + " " + line.amount() + " ₽"
                            + (rate.campaign() == null ? "" : " " + rate.campaign()))).append('\t')
                    .append(line.purchasedAt().atZone(CLUB_ZONE).toOffsetDateTime()).append('\n');
            rows++;
        }
        if (rows == 0) {
            return new long[] {zeroPoints, duplicates, 0};
        }
        // Lock the accounts in one order, so two imports and the counter never wait on each other in a circle.
        jdbc.sql("SELECT member_id FROM loyalty_account WHERE member_id IN (:ids) ORDER BY member_id FOR UPDATE")
                .param("ids", memberIds).query(Long.class).list();
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS loyalty_import_stage (member_id BIGINT, card_number TEXT, points BIGINT,
                       source_ref TEXT, reason TEXT, occurred_at TIMESTAMPTZ) ON COMMIT DELETE ROWS""").update();
        copyIn(staged.toString());
        long[] result = jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO loyalty_ledger_entry (member_id, card_id, kind, points, source_ref, reason,
                                                              occurred_at, created_at)
                            SELECT s.member_id, c.id, 'EARN', s.points, s.source_ref, s.reason, s.occurred_at, :now
                              FROM loyalty_import_stage s JOIN loyalty_card c ON c.card_number = s.card_number
                            ON CONFLICT (source_ref) DO NOTHING
                            RETURNING member_id, points),
                        sums AS (SELECT member_id, sum(points) AS delta, count(*) AS n FROM inserted GROUP BY member_id),
                        updated AS (
                            UPDATE loyalty_account a SET balance = a.balance + sums.delta, updated_at = :now
                              FROM sums WHERE a.member_id = sums.member_id RETURNING a.member_id)
                        SELECT coalesce(sum(n), 0), coalesce(sum(delta), 0), (SELECT count(*) FROM updated) FROM sums""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long inserted = result[0];
        return new long[] {inserted + zeroPoints, duplicates + (rows - inserted), result[1]};
    }

    private void copyIn(String rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY loyalty_import_stage (member_id, card_number, points, source_ref, reason, occurred_at) FROM STDIN",
                    new StringReader(rows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not stage the batch", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
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

    private Map<String, Long> activeCards(List<PurchaseLine> lines) {
        Set<String> numbers = new HashSet<>();
        lines.forEach(l -> numbers.add(l.cardNumber()));
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> members = new HashMap<>();
        jdbc.sql("SELECT card_number, member_id FROM loyalty_card WHERE status = 'ACTIVE' AND card_number IN (:n)")
                .param("n", numbers)
                .query(rs -> {
                    members.put(rs.getString(1), rs.getLong(2));
                });
        return members;
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
