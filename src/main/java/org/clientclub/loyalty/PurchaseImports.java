package org.clientclub.loyalty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.clientclub.loyalty.internal.PurchaseImporter;
import org.clientclub.loyalty.internal.RejectedLinesCsv;
import org.clientclub.security.AppRoles;
import org.clientclub.security.CurrentStaff;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Purchase files from the post offices' tills: upload, booking in the background, history with counts, the
 * rejected lines as a file, and the original kept for staff. An import a crashed node left behind is picked up
 * again by any node.
 */
@Service
public class PurchaseImports {

    /** The header row a till export starts with (the Russian column names work too). */
    public static final String HEADER = org.clientclub.loyalty.internal.PurchaseLine.HEADER;

    private final PurchaseImporter importer;
    private final TaskExecutor executor;
    private final JdbcClient jdbc;

    public PurchaseImports(
            PurchaseImporter importer, @Qualifier("applicationTaskExecutor") TaskExecutor executor, JdbcClient jdbc) {
        this.importer = importer;
        this.executor = executor;
        this.jdbc = jdbc;
    }

    /**
     * Keeps the file and books it in the background, starting while the file is still being kept.
     *
     * @param size the file's size in bytes, for the progress; 0 when not known
     * @return the import's id
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public long upload(String fileName, long size, InputStream content) {
        long id = importer.begin(fileName, size, CurrentStaff.require().username());
        executor.execute(() -> importer.run(id));
        importer.receive(id, content);
        return id;
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public List<ImportSummary> history(int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, file_name, file_size, uploaded_by, uploaded_at, status, lines_done,
                               coalesce(lines_expected, 0), lines_booked, lines_duplicate, lines_rejected, points_booked,
                               failure
                          FROM loyalty_import ORDER BY uploaded_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, i) -> new ImportSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getString(13)))
                .list();
    }

    /** The rejected lines as CSV: line number, reason, the line as it was (see {@link RejectedLinesCsv}). */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public void writeErrors(long importId, OutputStream out) {
        RejectedLinesCsv csv = new RejectedLinesCsv(out);
        jdbc.sql("SELECT line_no, reason, raw_line FROM loyalty_import_error WHERE import_id = :id ORDER BY line_no")
                .param("id", importId)
                .query(rs -> {
                    csv.write(rs.getLong(1), rs.getString(2), rs.getString(3));
                });
        csv.flush();
    }

    /** The file as it was uploaded. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public void writeOriginal(long importId, OutputStream out) {
        try (InputStream original = importer.original(importId)) {
            original.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Carries on with imports whose node stopped (no heartbeat for two minutes) or that never started. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resumeAbandoned() {
        jdbc.sql("""
                        SELECT id FROM loyalty_import
                         WHERE (status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes')
                            OR (status = 'QUEUED' AND uploaded_at < now() - interval '1 minute')""").query(Long.class).list().forEach(id -> executor.execute(() -> importer.run(id)));
    }
}
