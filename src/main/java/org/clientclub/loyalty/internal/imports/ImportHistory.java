package org.clientclub.loyalty.internal.imports;

import java.io.OutputStream;
import java.util.List;
import org.clientclub.loyalty.ImportStatus;
import org.clientclub.loyalty.ImportSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The imports as staff list them: counts and state, and each import's rejected lines. */
@Component
public class ImportHistory {

    private final JdbcClient jdbc;

    ImportHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest imports first. */
    public List<ImportSummary> newest(int offset, int limit) {
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
                        ImportStatus.valueOf(rs.getString(6)),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getString(13)))
                .list();
    }

    /** The import's rejected lines as CSV: line number, reason, the line as it was (see {@link RejectedLinesCsv}). */
    public void writeErrors(long importId, OutputStream out) {
        RejectedLinesCsv csv = new RejectedLinesCsv(out);
        jdbc.sql("SELECT line_no, reason, raw_line FROM loyalty_import_error WHERE import_id = :id ORDER BY line_no")
                .param("id", importId)
                .query(rs -> {
                    csv.write(rs.getLong(1), rs.getString(2), rs.getString(3));
                });
        csv.flush();
    }
}
