package org.clientclub.loyalty.internal.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.clientclub.loyalty.EntryKind;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.loyalty.internal.Ledger;
import org.clientclub.shared.ClubTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a prepared batch in one transaction: its receipts by COPY, each member's credit through the
 * {@link Ledger}, its refunds ({@link RefundBooking}), its rejected lines, the lines it covered (so a restart skips
 * them) and the import's counts.
 */
@Component
class BatchBooking {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Ledger ledger;
    private final RefundBooking refunds;
    private final ImportMeters meters;
    private final Clock clock;

    BatchBooking(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            DataSource dataSource,
            TransactionTemplate transaction,
            Ledger ledger,
            RefundBooking refunds,
            ImportMeters meters,
            Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.ledger = ledger;
        this.refunds = refunds;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Books a batch in one transaction: its receipts, one ledger entry per member, its refunds, its rejected lines,
     * the lines it covered (so a restart skips them) and the import's counts.
     */
    void book(long importId, Batch batch, Timings timings) {
        timings.batches.increment();
        long[] counted = transaction.execute(status -> {
            List<PurchaseLine.Rejected> errors = new ArrayList<>(batch.errors());
            long t = System.nanoTime();
            int[] order = bookReceipts(importId, batch, timings);
            timings.copy.add(System.nanoTime() - t);
            t = System.nanoTime();
            List<MemberSum> sums = order == batch.order()
                    ? batch.sums()
                    : MemberSum.of(batch.purchases(), order, batch.points(), batch.owner(), batch.cards());
            long points = credit(importId, batch, sums);
            timings.ledger.add(System.nanoTime() - t);
            t = System.nanoTime();
            long booked = order.length;
            long duplicates = batch.order().length - order.length;
            for (PurchaseLine refund : batch.refunds()) {
                String outcome = refunds.book(
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
            return new long[] {booked, duplicates, errors.size()};
        });
        if (counted != null) {
            meters.committed(counted[0], counted[1], counted[2]);
        }
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
                    rows = ReceiptRows.of(
                            importId, batch.purchases(), order, batch.points(), batch.owner(), batch.cards());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not book the batch's receipts", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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
     * One ledger entry per member for their receipts in the batch, dated at the newest of those purchases, booked
     * by the ledger with the accounts of the batch's refunds locked in the same order.
     *
     * @return the points credited
     */
    private long credit(long importId, Batch batch, List<MemberSum> sums) {
        List<Ledger.Entry> credits = sums.stream()
                .filter(s -> s.points != 0)
                .map(s -> new Ledger.Entry(
                        s.memberId,
                        s.cardId,
                        EntryKind.EARN,
                        s.points,
                        SourceRef.purchases(importId, batch.lastLine(), s.memberId),
                        s.reason(),
                        null,
                        Purchases.unpacked(s.newest).atZone(ClubTime.ZONE).toInstant(),
                        null))
                .toList();
        long[] refunding = batch.refunds().stream()
                .mapToLong(refund -> batch.cards().member(batch.cards().find(Long.parseLong(refund.cardNumber()))))
                .toArray();
        return ledger.credit(credits, refunding);
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
}
