package org.clientclub.membership.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMessage;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.internal.MailIntake.Intake;
import org.clientclub.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What {@link MailIntake} keeps of a message between its steps (membership_mail_intake): the message as JSON, the
 * reason it gave, staff's transcription and the application it started. Only {@link MailIntake} calls it, inside its
 * transactions.
 */
@Component
class MailIntakeStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    MailIntakeStore(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Starts the intake of a message over: what was kept of an earlier handling of it goes. */
    void keep(InboundMailId inboundId, String sender, InboundMessage message) {
        jdbc.sql("""
                        INSERT INTO membership_mail_intake (inbound_mail_id, sender, language, message, updated_at)
                        VALUES (:id, :sender, :language, :message, :now)
                        ON CONFLICT (inbound_mail_id) DO UPDATE SET sender = excluded.sender,
                               language = excluded.language, message = excluded.message, attachment_index = NULL,
                               reason = NULL, reason_fields = NULL, transcription = NULL, transcribed_by = NULL,
                               updated_at = excluded.updated_at""")
                .param("id", inboundId.value())
                .param("sender", sender)
                .param("language", message.language().code())
                .param("message", write(whatTheIntakeReads(message)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    Optional<Intake> intake(InboundMailId inboundId) {
        return jdbc.sql("""
                        SELECT inbound_mail_id, sender, language, attachment_index, reason, reason_fields, application_id
                          FROM membership_mail_intake WHERE inbound_mail_id = :id""")
                .param("id", inboundId.value())
                .query((rs, i) -> new Intake(
                        new InboundMailId(rs.getLong(1)),
                        rs.getString(2),
                        Language.fromCode(rs.getString(3)),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6) == null || rs.getString(6).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(6).split(",")),
                        (Long) rs.getObject(7)))
                .optional();
    }

    InboundMessage message(InboundMailId inboundId) {
        String kept = jdbc.sql("SELECT message FROM membership_mail_intake WHERE inbound_mail_id = :id")
                .param("id", inboundId.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("The intake of " + inboundId + " is over or never began"));
        try {
            return json.readValue(kept, InboundMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The kept message " + inboundId + " cannot be read", e);
        }
    }

    /** The intake is over: the mailbox keeps the message itself. */
    void forgetMessage(InboundMailId inboundId) {
        jdbc.sql("UPDATE membership_mail_intake SET message = NULL WHERE inbound_mail_id = :id")
                .param("id", inboundId.value())
                .update();
    }

    void keepLanguage(InboundMailId inboundId, Language language) {
        jdbc.sql("UPDATE membership_mail_intake SET language = :l WHERE inbound_mail_id = :id")
                .param("l", language.code())
                .param("id", inboundId.value())
                .update();
    }

    void keepReason(InboundMailId inboundId, String reason, List<String> fields, Integer attachmentIndex) {
        jdbc.sql("""
                        UPDATE membership_mail_intake SET reason = :reason, reason_fields = :fields,
                               attachment_index = :attachment, updated_at = :now WHERE inbound_mail_id = :id""")
                .param("reason", reason)
                .param("fields", String.join(",", fields))
                .param("attachment", attachmentIndex)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", inboundId.value())
                .update();
    }

    void keepStaffRejection(InboundMailId inboundId, String reason) {
        jdbc.sql(
                        "UPDATE membership_mail_intake SET reason = :r, reason_fields = NULL, updated_at = :now WHERE inbound_mail_id = :id")
                .param("r", reason)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", inboundId.value())
                .update();
    }

    void keepTranscription(InboundMailId inboundId, Questionnaire questionnaire, String staff) {
        try {
            jdbc.sql("""
                            UPDATE membership_mail_intake SET transcription = :t, transcribed_by = :by, updated_at = :now
                             WHERE inbound_mail_id = :id""")
                    .param("t", json.writeValueAsString(questionnaire))
                    .param("by", staff)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", inboundId.value())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not keep the transcription", e);
        }
    }

    Questionnaire transcription(InboundMailId inboundId) {
        String transcription = jdbc.sql("SELECT transcription FROM membership_mail_intake WHERE inbound_mail_id = :id")
                .param("id", inboundId.value())
                .query(String.class)
                .single();
        try {
            return json.readValue(transcription, Questionnaire.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The transcription of " + inboundId + " cannot be read", e);
        }
    }

    void linkApplication(InboundMailId inboundId, long applicationId) {
        jdbc.sql("""
                        UPDATE membership_mail_intake SET application_id = :app, reason = NULL, reason_fields = NULL,
                               updated_at = :now WHERE inbound_mail_id = :id""")
                .param("app", applicationId)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", inboundId.value())
                .update();
    }

    /** A PDF by its bytes, or one the sender called a PDF (a broken one is still meant as the questionnaire). */
    static boolean looksLikePdf(InboundAttachment attachment) {
        return attachment.isPdf()
                || attachment.contentType().equals("application/pdf")
                || attachment.fileName().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    /** Without the text, and with the bytes only of attachments that may be the questionnaire. */
    private static InboundMessage whatTheIntakeReads(InboundMessage message) {
        return new InboundMessage(
                message.messageId(),
                message.from(),
                message.subject(),
                message.sentAt(),
                message.language(),
                message.automatic(),
                message.forgedSender(),
                message.autoRepliesSuppressed(),
                message.references(),
                "",
                message.attachments().stream()
                        .map(a -> looksLikePdf(a) || a.isImage()
                                ? a
                                : new InboundAttachment(
                                        a.index(),
                                        a.fileName(),
                                        a.contentType(),
                                        a.size(),
                                        null,
                                        a.tooLarge(),
                                        a.forwarded()))
                        .toList(),
                message.problems());
    }

    private String write(InboundMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not keep the message", e);
        }
    }
}
