package org.clientclub.loyalty.internal.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The till exports as they arrive: each file kept in the database in 1 MB parts, each committed as it arrives, and
 * read back as one stream, from the upload while it arrives at this node or from the parts kept
 * (docs/decisions/0017-imports-booked-while-the-file-arrives.md).
 */
@Component
public class ImportFiles {

    static final int PART_SIZE = 1024 * 1024;
    /** Why an import whose file did not all arrive failed (a message key). */
    static final String UPLOAD_BROKE_OFF = "import.error.uploadBrokeOff";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** The uploads arriving at this node, by import. */
    private final Map<Long, Arrival> arrivals = new ConcurrentHashMap<>();

    ImportFiles(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Records an upload about to arrive; {@link #receive} keeps its file, and {@link ImportJobs#run} may book it meanwhile.
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

    /** The upload of the import arriving at this node, or null when it arrives elsewhere or has arrived. */
    Arrival arrival(long importId) {
        return arrivals.get(importId);
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
    InputStream arriving(long importId, Arrival arrival) {
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
