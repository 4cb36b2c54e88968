package org.clientclub.mail;

import java.util.Map;
import java.util.Objects;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;

/**
 * A message to write to the outbox. The template is rendered at once, in the recipient's language, so the
 * outbox holds exactly what will be sent.
 *
 * @param idempotencyKey a key that names this message once and for all (e.g. {@code processInstanceId:activityId});
 *                       a second message with the same key is ignored
 * @param template       the template name under {@code templates/mail/}, also the prefix of its message keys
 * @param model          values the template shows; they are HTML-escaped when rendered
 * @param replyThread    set when this is an automatic answer to a message the club received: it is sent as
 *                       {@code Auto-Submitted: auto-replied} with In-Reply-To and References; null for other mail
 */
public record OutgoingMail(
        String idempotencyKey,
        EmailAddress to,
        Language language,
        String template,
        Map<String, Object> model,
        MailKind kind,
        ReplyThread replyThread) {

    public OutgoingMail {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(template, "template");
        model = Map.copyOf(model);
        Objects.requireNonNull(kind, "kind");
    }

    public OutgoingMail(
            String idempotencyKey,
            EmailAddress to,
            Language language,
            String template,
            Map<String, Object> model,
            MailKind kind) {
        this(idempotencyKey, to, language, template, model, kind, null);
    }

    /** This message as the automatic answer to a received one. */
    public OutgoingMail answering(ReplyThread thread) {
        return new OutgoingMail(idempotencyKey, to, language, template, model, kind, Objects.requireNonNull(thread));
    }

    public static OutgoingMail transactional(
            String idempotencyKey, EmailAddress to, Language language, String template, Map<String, Object> model) {
        return new OutgoingMail(idempotencyKey, to, language, template, model, MailKind.TRANSACTIONAL);
    }
}
