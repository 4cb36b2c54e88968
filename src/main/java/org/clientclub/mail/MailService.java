package org.clientclub.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clientclub.mail.internal.outbox.OutboxLog;
import org.clientclub.mail.internal.outbox.OutboxWriter;
import org.clientclub.mail.internal.outbox.RecipientQuota;
import org.clientclub.mail.internal.outbox.UnsubscribeTokens;
import org.clientclub.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail API. {@link #enqueue} writes a rendered message to the outbox inside the caller's transaction: a
 * rollback leaves nothing to send, a commit leaves it for the sender, and a second message with the same
 * idempotency key is ignored (a unique constraint decides, also across nodes). The kinds a stranger can trigger
 * are capped per day ({@link RecipientQuota}); a refused message is not written, and the caller records it.
 */
@Service
public class MailService {

    private final OutboxWriter writer;
    private final OutboxLog outboxLog;
    private final UnsubscribeTokens unsubscribeTokens;

    public MailService(OutboxWriter writer, OutboxLog outboxLog, UnsubscribeTokens unsubscribeTokens) {
        this.writer = writer;
        this.outboxLog = outboxLog;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    /**
     * @return whether the message was written, existed before, or was refused by a daily quota. A message that is
     * not to be sent (club mail to an address that unsubscribed) keeps no body: the links in it would stay unsent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Enqueued enqueue(OutgoingMail mail) {
        return writer.write(mail);
    }

    /** @param status only messages that stand so; null for all */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public List<OutboxEntry> log(String text, @Nullable OutboxStatus status, int offset, int limit) {
        return outboxLog.search(text, status, offset, limit);
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void resend(OutboxId id) {
        outboxLog.resend(id);
    }

    /** How many failed messages written since the time {@link #resendFailedSince} would send again. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public long countFailedSince(Instant since) {
        return outboxLog.countFailedSince(since);
    }

    /**
     * Sends every failed message written since the time again (after an outage, say), each as {@link #resend}
     * sends one. @return how many
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public int resendFailedSince(Instant since) {
        return outboxLog.resendFailedSince(since);
    }

    /** Opts the address behind the token out of club mail. @return the address, empty for an unknown token */
    @Transactional
    public Optional<String> unsubscribe(String token) {
        return writer.unsubscribe(token);
    }

    @Transactional(readOnly = true)
    public boolean isKnownUnsubscribeToken(String token) {
        return unsubscribeTokens.emailOf(token).isPresent();
    }
}
