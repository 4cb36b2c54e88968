package org.clientclub.mail.internal.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages in batches over one SMTP connection. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several nodes can run this side by side and none sends a row another
 * holds. A failure backs the row off; it is never lost.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final InternetAddress from;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration giveUpAfter;
    private final SmtpOutage outage;

    public OutboxSender(
            OutboxRepository outbox,
            JavaMailSender mailSender,
            TransactionTemplate transaction,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${clientclub.mail.from}") String from,
            @Value("${clientclub.mail.outbox.batch-size:50}") int batchSize,
            @Value("${clientclub.mail.outbox.max-attempts:8}") int maxAttempts,
            @Value("${clientclub.mail.outbox.give-up-after:P3D}") Duration giveUpAfter,
            SmtpOutage outage)
            throws MessagingException {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
        this.from = new InternetAddress(from, true);
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.giveUpAfter = giveUpAfter;
        this.outage = outage;
    }

    @Scheduled(
            fixedDelayString = "${clientclub.mail.outbox.poll-interval:PT2S}",
            initialDelayString = "${clientclub.mail.outbox.poll-interval:PT2S}")
    void sendDueMessages() {
        try {
            int sent;
            do {
                if (outage.pausing(clock.instant())) {
                    return;
                }
                sent = sendBatch();
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            log.warn("Outbox run failed; the messages stay due: {}", e.toString());
        }
    }

    /** Sends one batch. @return how many messages were attempted */
    public int sendBatch() {
        Integer attempted = transaction.execute(status -> {
            List<OutboxMessage> due = outbox.claimDue(clock.instant(), batchSize);
            if (due.isEmpty()) {
                return 0;
            }
            Map<MimeMessage, OutboxMessage> byMime = new IdentityHashMap<>();
            for (OutboxMessage message : due) {
                try {
                    byMime.put(toMime(message), message);
                } catch (MessagingException | RuntimeException e) {
                    message.markAttemptFailed(
                            "Could not build the message: " + e.getMessage(), clock.instant(), 1, giveUpAfter);
                }
            }
            send(byMime);
            return due.size();
        });
        return attempted == null ? 0 : attempted;
    }

    private void send(Map<MimeMessage, OutboxMessage> byMime) {
        if (byMime.isEmpty()) {
            return;
        }
        Map<Object, Exception> failures = Map.of();
        try {
            mailSender.send(byMime.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
            if (failures.isEmpty() || SmtpOutage.isConnectionFailure(e.getCause())) {
                // The connection itself failed (Spring names every message failed then): nothing was accepted.
                serverUnreachable(byMime.values(), e);
                return;
            }
        } catch (MailException e) {
            if (SmtpOutage.isConnectionFailure(e)) {
                serverUnreachable(byMime.values(), e);
            } else {
                byMime.values()
                        .forEach(m -> m.markAttemptFailed(e.getMessage(), clock.instant(), maxAttempts, giveUpAfter));
            }
            return;
        }
        outage.connected();
        List<Object[]> sent = new ArrayList<>();
        for (Map.Entry<MimeMessage, OutboxMessage> entry : byMime.entrySet()) {
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                entry.getValue().markSent(clock.instant());
                sent.add(new Object[] {entry.getValue().getId()});
            } else if (SmtpOutage.isConnectionFailure(failure)) {
                // The connection dropped before the server took this one: no attempt of the message's.
                entry.getValue()
                        .markServerUnreachable(
                                failure.getMessage(), clock.instant(), SmtpOutage.FIRST_PAUSE, giveUpAfter);
            } else {
                entry.getValue().markAttemptFailed(failure.getMessage(), clock.instant(), maxAttempts, giveUpAfter);
            }
        }
        // The images go with the body they belong to: a sent message is never sent again (decision 0023).
        jdbc.batchUpdate("DELETE FROM mail_outbox_inline WHERE outbox_id = ?", sent);
    }

    /** The server never took the batch: no attempt counts, the sender pauses and the batch waits as long. */
    private void serverUnreachable(Collection<OutboxMessage> messages, Exception e) {
        Instant now = clock.instant();
        String error = describe(e);
        outage.connectionFailed(now, error);
        Duration pause = outage.pause(now);
        log.warn("SMTP server unreachable (the mail stays pending, next try in {}): {}", pause, error);
        messages.forEach(m -> m.markServerUnreachable(error, now, pause, giveUpAfter));
    }

    /** The cause's first line: Spring's own message repeats every failed message. */
    private static String describe(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = String.valueOf(cause.getMessage());
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private MimeMessage toMime(OutboxMessage message) throws MessagingException {
        MimeMessage mime = new FixedIdMimeMessage(sessionOf(mailSender), message.getMessageId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.getRecipient());
        helper.setSubject(message.getSubject());
        helper.setText(message.getBodyText(), message.getBodyHtml());
        for (Map<String, Object> image : jdbc.queryForList(
                "SELECT content_id, content_type, data FROM mail_outbox_inline WHERE outbox_id = ? ORDER BY content_id",
                message.getId())) {
            helper.addInline(
                    (String) image.get("content_id"), new ByteArrayResource((byte[]) image.get("data")), (String)
                            image.get("content_type"));
        }
        if (message.getListUnsubscribe() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.getListUnsubscribe() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        // Tells vacation responders not to answer, so the club mailbox sees no mail loops (RFC 3834).
        mime.setHeader("Auto-Submitted", message.getAutoSubmitted());
        // An answer sits under the message it answers in the sender's mailer (RFC 5322 3.6.4).
        if (message.getInReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.getInReplyTo());
        }
        if (message.getReplyReferences() != null) {
            mime.setHeader("References", MimeUtility.fold("References: ".length(), message.getReplyReferences()));
        }
        return mime;
    }

    private static Session sessionOf(JavaMailSender sender) {
        return sender instanceof org.springframework.mail.javamail.JavaMailSenderImpl impl
                ? impl.getSession()
                : Session.getInstance(new java.util.Properties());
    }

    /** Keeps the outbox's Message-ID, which JavaMail would otherwise replace when the message is saved. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
