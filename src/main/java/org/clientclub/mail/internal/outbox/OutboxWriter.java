package org.clientclub.mail.internal.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.clientclub.mail.Enqueued;
import org.clientclub.mail.InlineImage;
import org.clientclub.mail.MailKind;
import org.clientclub.mail.OutboxStatus;
import org.clientclub.mail.OutgoingMail;
import org.clientclub.shared.SecureTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a rendered message to the outbox in the caller's transaction. A second message with the same idempotency
 * key is ignored (a unique constraint decides, also across nodes); the kinds a stranger can trigger are capped per
 * day ({@link RecipientQuota}), and a refused message is not written.
 */
@Component
public class OutboxWriter {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);
    /** RFC 3834: what the club sends on its own, and what answers a message it received. */
    private static final String AUTO_GENERATED = "auto-generated";

    private static final String AUTO_REPLIED = "auto-replied";

    private final MailRecipientRepository recipients;
    private final MailRenderer renderer;
    private final RecipientQuota quota;
    private final UnsubscribeTokens unsubscribeTokens;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicBaseUrl;

    public OutboxWriter(
            MailRecipientRepository recipients,
            MailRenderer renderer,
            RecipientQuota quota,
            UnsubscribeTokens unsubscribeTokens,
            JdbcClient jdbc,
            Clock clock,
            @Value("${clientclub.public-base-url}") String publicBaseUrl) {
        this.recipients = recipients;
        this.renderer = renderer;
        this.quota = quota;
        this.unsubscribeTokens = unsubscribeTokens;
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * @return whether the message was written, existed before, or was refused by a daily quota. A message that is
     * not to be sent (club mail to an address that unsubscribed) keeps no body: the links in it would stay unsent.
     */
    public Enqueued write(OutgoingMail mail) {
        String email = mail.to().value();
        boolean unsubscribed = knownRecipientUnsubscribed(email);
        String unsubscribeToken = SecureTokens.newToken();
        String tokenHash = SecureTokens.sha256(unsubscribeToken);
        String unsubscribeUrl = unsubscribeUrl(unsubscribeToken);
        MailRenderer.Rendered rendered = renderer.render(mail, unsubscribeUrl);
        boolean suppressed = mail.kind() == MailKind.CLUB && unsubscribed;
        Instant now = clock.instant();
        // The message and, unless it is not to be sent, its unsubscribe token in one statement: a retry (the key
        // exists) inserts neither.
        Optional<Long> id = jdbc.sql("""
                        WITH message AS (
                            INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html,
                                                     body_text, message_id, list_unsubscribe, status, attempts, next_attempt_at, last_error,
                                                     created_at, auto_submitted, in_reply_to, reply_references, body_discarded_at)
                            VALUES (:key, :recipient, :language, :template, :kind, :subject, :html, :text, :messageId, :unsubscribe,
                                    :status, 0, :now, :lastError, :now, :autoSubmitted, :inReplyTo, :references, :discardedAt)
                            ON CONFLICT (idempotency_key) DO NOTHING
                            RETURNING id),
                        token AS (
                            INSERT INTO mail_unsubscribe_token (token_hash, email, created_at)
                            SELECT :tokenHash, :recipient, :now FROM message WHERE :keepToken)
                        SELECT id FROM message""")
                .param("key", mail.idempotencyKey())
                .param("tokenHash", tokenHash)
                .param("keepToken", !suppressed)
                .param("recipient", email)
                .param("language", mail.language().code())
                .param("template", mail.template())
                .param("kind", mail.kind().name())
                .param("subject", rendered.subject())
                .param("html", suppressed ? "" : rendered.html())
                .param("text", suppressed ? "" : rendered.text())
                .param("messageId", "<" + UUID.randomUUID() + "@clientclub>")
                .param("unsubscribe", suppressed ? null : unsubscribeUrl)
                .param("status", suppressed ? OutboxStatus.SUPPRESSED.name() : OutboxStatus.PENDING.name())
                .param("now", Timestamp.from(now))
                .param("lastError", suppressed ? "unsubscribed" : null)
                .param("autoSubmitted", mail.replyThread() == null ? AUTO_GENERATED : AUTO_REPLIED)
                .param(
                        "inReplyTo",
                        mail.replyThread() == null ? null : mail.replyThread().inReplyToHeader())
                .param(
                        "references",
                        mail.replyThread() == null ? null : mail.replyThread().referencesHeader())
                .param("discardedAt", suppressed ? Timestamp.from(now) : null)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            // Written before: counting it again would let retries and re-runs use up the recipient's quota.
            return Enqueued.DUPLICATE;
        }
        // Counted after the insert, which tells a new mail from a retry, and as late as possible: the counter rows
        // stay locked until the commit. A refused mail takes its row and its token back.
        Optional<String> exceeded = quota.take(mail.kind(), mail.to());
        if (exceeded.isPresent()) {
            log.info(
                    "Mail quota: {} to {} not written ({} limit for today reached), key {}",
                    mail.kind(),
                    email,
                    exceeded.get(),
                    mail.idempotencyKey());
            jdbc.sql("""
                            WITH token AS (DELETE FROM mail_unsubscribe_token WHERE token_hash = :tokenHash)
                            DELETE FROM mail_outbox WHERE id = :id""").param("tokenHash", tokenHash).param("id", id.get()).update();
            return Enqueued.REFUSED_QUOTA;
        }
        if (suppressed) {
            return Enqueued.QUEUED;
        }
        mail.model().forEach((key, value) -> {
            if (value instanceof InlineImage image) {
                jdbc.sql("""
                                INSERT INTO mail_outbox_inline (outbox_id, content_id, content_type, data)
                                VALUES (:id, :cid, :type, :data)""")
                        .param("id", id.get())
                        .param("cid", key)
                        .param("type", image.contentType())
                        .param("data", image.data())
                        .update();
            }
        });
        return Enqueued.QUEUED;
    }

    /** Opts the address behind the token out of club mail. @return the address, empty for an unknown token */
    public Optional<String> unsubscribe(String token) {
        return unsubscribeTokens.emailOf(token).flatMap(recipients::findById).map(r -> {
            r.unsubscribe(clock.instant());
            return r.getEmail();
        });
    }

    /**
     * Records the address unless it is known (safe when two nodes write to a new address at once) and tells whether
     * it opted out of club mail, in one statement. The outer query does not see a row that another transaction
     * committed while the insert waited for it; a second statement reads that one.
     */
    private boolean knownRecipientUnsubscribed(String email) {
        Optional<Boolean> unsubscribed =
                jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO mail_recipient (email) VALUES (:email)
                            ON CONFLICT (email) DO NOTHING
                            RETURNING unsubscribed_at)
                        SELECT unsubscribed_at IS NOT NULL FROM inserted
                        UNION ALL
                        SELECT unsubscribed_at IS NOT NULL FROM mail_recipient WHERE email = :email""").param("email", email).query(Boolean.class).optional();
        return unsubscribed.orElseGet(
                () -> jdbc.sql("SELECT unsubscribed_at IS NOT NULL FROM mail_recipient WHERE email = :email")
                        .param("email", email)
                        .query(Boolean.class)
                        .single());
    }

    private String unsubscribeUrl(String token) {
        return publicBaseUrl + "/unsubscribe/" + token;
    }
}
