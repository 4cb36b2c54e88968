package org.clientclub.mail.internal.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailSummary;
import org.clientclub.mail.InboundOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored messages of the club mailbox as staff see them: the list, the raw message, and a reset to handle one again. */
@Component
public class InboundMailbox {

    private final JdbcClient jdbc;

    public InboundMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code outcome} null for all, {@code text} matches sender, subject and file names. */
    public List<InboundMailSummary> list(
            @Nullable InboundOutcome outcome, @Nullable String text, int offset, int limit) {
        String pattern =
                text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return jdbc.sql("""
                        SELECT id, received_at, sender, subject, attachment_names, size, raw_truncated, outcome, reason,
                               processed_at, error
                          FROM mail_inbound
                         WHERE (CAST(:outcome AS VARCHAR) IS NULL OR outcome = :outcome)
                           AND (CAST(:pattern AS VARCHAR) IS NULL OR lower(coalesce(sender, '')) LIKE :pattern
                                OR lower(coalesce(subject, '')) LIKE :pattern
                                OR lower(coalesce(attachment_names, '')) LIKE :pattern)
                         ORDER BY received_at DESC, id DESC
                         OFFSET :offset LIMIT :limit""")
                .param("outcome", outcome == null ? null : outcome.name())
                .param("pattern", pattern)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new InboundMailSummary(
                        new InboundMailId(rs.getLong("id")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("sender"),
                        rs.getString("subject"),
                        rs.getString("attachment_names"),
                        rs.getLong("size"),
                        rs.getBoolean("raw_truncated"),
                        InboundOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("reason"),
                        rs.getTimestamp("processed_at") == null
                                ? null
                                : rs.getTimestamp("processed_at").toInstant(),
                        rs.getString("error")))
                .list();
    }

    /** The message exactly as the server gave it. */
    public Optional<byte[]> raw(InboundMailId id) {
        return jdbc.sql("SELECT raw FROM mail_inbound WHERE id = :id")
                .param("id", id.value())
                .query(byte[].class)
                .optional();
    }

    /** Sets a stored message back to RECEIVED, counting the retry. @return false for an unknown message */
    public boolean resetForReprocessing(InboundMailId id) {
        int updated = jdbc.sql("""
                        UPDATE mail_inbound SET outcome = 'RECEIVED', reason = NULL, processed_at = NULL,
                               reprocessed = reprocessed + 1 WHERE id = :id""").param("id", id.value()).update();
        return updated == 1;
    }
}
