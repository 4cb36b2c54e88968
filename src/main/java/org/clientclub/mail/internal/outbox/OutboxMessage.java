package org.clientclub.mail.internal.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.clientclub.mail.MailKind;
import org.clientclub.mail.OutboxEntry;
import org.clientclub.mail.OutboxId;
import org.clientclub.mail.OutboxStatus;
import org.jspecify.annotations.Nullable;

/**
 * A rendered e-mail waiting to be sent, or the record of one that was. The body, with the links in it, lives only
 * until the message is sent: marking it sent discards it in the same transaction (decision 0023).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(nullable = false, updatable = false)
    private String template;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MailKind kind;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;

    @Column(name = "list_unsubscribe")
    private String listUnsubscribe;

    /** RFC 3834's Auto-Submitted: auto-replied for an answer to a received message, else auto-generated. */
    @Column(name = "auto_submitted", nullable = false, updatable = false)
    private String autoSubmitted;

    /** The In-Reply-To and References header values of an answer, as written; null for other mail. */
    @Column(name = "in_reply_to", updatable = false)
    private String inReplyTo;

    @Column(name = "reply_references", updatable = false)
    private String replyReferences;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "body_discarded_at")
    private Instant bodyDiscardedAt;

    /** When the give-up span began: a staff resend starts it again; null means {@link #createdAt}. */
    @Column(name = "retry_since")
    private Instant retrySince;

    protected OutboxMessage() {}

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public MailKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getListUnsubscribe() {
        return listUnsubscribe;
    }

    public String getAutoSubmitted() {
        return autoSubmitted;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getReplyReferences() {
        return replyReferences;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    /**
     * The server took the message. Its body and unsubscribe header go: they hold working links, and a sent message
     * is never sent again. The message's inline images are the sender's to delete, they live in their own table.
     */
    public void markSent(Instant now) {
        status = OutboxStatus.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
        bodyHtml = "";
        bodyText = "";
        listUnsubscribe = null;
        bodyDiscardedAt = now;
    }

    public boolean isBodyDiscarded() {
        return bodyDiscardedAt != null;
    }

    public void markSuppressed(String reason) {
        status = OutboxStatus.SUPPRESSED;
        lastError = reason;
    }

    /** Backs off exponentially (30 s, 1 min, 2 min ... at most 6 h) and gives up after {@code maxAttempts}. */
    public void markAttemptFailed(String error, Instant now, int maxAttempts) {
        markAttemptFailed(error, now, maxAttempts, null);
    }

    /**
     * The server refused this message (a 550 for its recipient, say): that counts as an attempt. Backs off
     * exponentially (30 s, 1 min, 2 min ... at most 6 h) and gives up after {@code maxAttempts}, or once
     * {@code giveUpAfter} has passed since the message was written or sent again.
     */
    public void markAttemptFailed(String error, Instant now, int maxAttempts, @Nullable Duration giveUpAfter) {
        attempts++;
        lastError = shortened(error);
        if (attempts >= maxAttempts || givenUp(now, giveUpAfter)) {
            status = OutboxStatus.FAILED;
            return;
        }
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay);
    }

    /**
     * The server never took the message (no connection, no log-in, a time-out): no attempt is counted. The message
     * waits {@code delay} and stays pending until {@code giveUpAfter} has passed since it was written or sent again.
     */
    public void markServerUnreachable(String error, Instant now, Duration delay, Duration giveUpAfter) {
        lastError = shortened(error);
        if (givenUp(now, giveUpAfter)) {
            status = OutboxStatus.FAILED;
            return;
        }
        nextAttemptAt = now.plus(delay);
    }

    private boolean givenUp(Instant now, @Nullable Duration giveUpAfter) {
        Instant since = retrySince != null ? retrySince : createdAt;
        return giveUpAfter != null && since != null && !now.isBefore(since.plus(giveUpAfter));
    }

    private static String shortened(@Nullable String error) {
        return error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
    }

    /** A member of staff asked to send a failed message again. */
    public void resend(Instant now) {
        if (status != OutboxStatus.FAILED) {
            throw new IllegalStateException("Only a failed message can be sent again");
        }
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        retrySince = now;
    }

    public OutboxEntry toEntry() {
        return new OutboxEntry(
                OutboxId.of(id),
                recipient,
                subject,
                template,
                language,
                status,
                attempts,
                createdAt,
                sentAt,
                nextAttemptAt,
                lastError,
                kind,
                bodyDiscardedAt);
    }
}
