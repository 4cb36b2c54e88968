package org.clientclub.mail;

import java.util.List;
import java.util.Optional;
import org.clientclub.mail.internal.inbound.InboundHandlers;
import org.clientclub.mail.internal.inbound.InboundMailbox;
import org.clientclub.mail.internal.parse.InboundParser;
import org.clientclub.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The club mailbox for the handler that owns a message (what became of it) and for staff: every stored message
 * with its outcome, the raw message and its attachments, and handling a message again.
 */
@Service
public class InboundMailService {

    private final InboundMailbox mailbox;
    private final InboundParser parser;
    private final InboundHandlers handlers;

    public InboundMailService(InboundMailbox mailbox, InboundParser parser, InboundHandlers handlers) {
        this.mailbox = mailbox;
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
        return mailbox.list(outcome, text, offset, limit);
    }

    /** The message exactly as the server gave it, for staff to download. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<byte[]> rawMessage(InboundMailId id) {
        return mailbox.raw(id);
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
        if (mailbox.resetForReprocessing(id)) {
            handlers.announce(new InboundMailReceived(id, message(id).orElseThrow(), true));
        }
    }

    private Optional<InboundMessage> message(InboundMailId id) {
        return mailbox.raw(id).map(parser::parse);
    }
}
