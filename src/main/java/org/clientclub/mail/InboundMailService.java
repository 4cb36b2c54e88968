package org.clientclub.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientclub.mail.internal.InboundHandlers;
import org.clientclub.mail.internal.InboundParser;
import org.clientclub.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The club mailbox for the handler that owns a message (what became of it) and for staff: every stored message
 * with its outcome, the raw message and its attachments, and handling a message again.
 */
@Service
public class InboundMailService {

    private final JdbcClient jdbc;
    private final InboundParser parser;
    private final InboundHandlers handlers;

    public InboundMailService(JdbcClient jdbc, InboundParser parser, InboundHandlers handlers) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.handlers = handlers;
    }

    /** Records what became of a message, in the caller's transaction; for the handler that claimed it. */
    @Transactional
    public void recordOutcome(InboundMailId id, InboundResult result) {
        handlers.record(id, result.outcome(), result.reasonKey());
    }

    /** Newest first; {@code outcome} null for all, {@code text} matches sender, subject and file names. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
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

    /** The message exactly as the server gave it, for staff to download. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<byte[]> rawMessage(InboundMailId id) {
        return raw(id);
    }

    /** The attachments of a stored message, as the parser finds them. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public List<InboundAttachment> attachments(InboundMailId id) {
        return message(id).map(InboundMessage::attachments).orElse(List.of());
    }

    /** One attachment of a stored message, by its index. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<InboundAttachment> attachment(InboundMailId id, int index) {
        return message(id)
                .flatMap(m ->
                        m.attachments().stream().filter(a -> a.index() == index).findFirst());
    }

    /**
     * Handles a stored message again, e.g. after a rejection staff think was wrong: its handlers are asked as if it
     * had just come.
     *
     * @throws InboundMailRefused when the handler that claims it cannot take it now; nothing changed then
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void reprocess(InboundMailId id) {
        int updated = jdbc.sql("""
                        UPDATE mail_inbound SET outcome = 'RECEIVED', reason = NULL, processed_at = NULL,
                               reprocessed = reprocessed + 1 WHERE id = :id""").param("id", id.value()).update();
        if (updated == 1) {
            handlers.announce(new InboundMailReceived(id, message(id).orElseThrow(), true));
        }
    }

    private Optional<InboundMessage> message(InboundMailId id) {
        return raw(id).map(parser::parse);
    }

    private Optional<byte[]> raw(InboundMailId id) {
        return jdbc.sql("SELECT raw FROM mail_inbound WHERE id = :id")
                .param("id", id.value())
                .query(byte[].class)
                .optional();
    }
}
