package org.clientclub.mail.internal.inbound;

import java.util.List;
import java.util.Optional;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailSummary;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.shared.LikePattern;
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
        String pattern = text == null || text.isBlank() ? null : LikePattern.containing(text);
        // Without a pattern, no condition on it: a prepared statement's generic plan would keep an OR that the
        // trigram index (V34, the same expression) cannot serve.
        String found = pattern == null
                ? ""
                : " AND lower(coalesce(sender, '') || E'\\n' || coalesce(subject, '') || E'\\n'"
                        + " || coalesce(attachment_names, '')) LIKE :pattern";
        return jdbc.sql("""
                        SELECT id, received_at, sender, subject, attachment_names, size, raw_truncated, outcome, reason,
                               processed_at, error
                          FROM mail_inbound
                         WHERE (CAST(:outcome AS VARCHAR) IS NULL OR outcome = :outcome)""" + found + " ORDER BY received_at DESC, id DESC OFFSET :offset LIMIT :limit")
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
