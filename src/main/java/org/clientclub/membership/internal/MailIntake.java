package org.clientclub.membership.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientclub.mail.Enqueued;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailService;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.InboundResult;
import org.clientclub.mail.MailKind;
import org.clientclub.mail.MailService;
import org.clientclub.mail.OutgoingMail;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.membership.internal.pdf.PdfReading;
import org.clientclub.membership.internal.pdf.QuestionnairePdfReader;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;
import org.clientclub.shared.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of QuestionnaireIntakeProcess: keep what the intake needs of a message the club mailbox hands over
 * ({@link #keep}), read it, start onboarding from a readable questionnaire, keep what staff typed in from an
 * unreadable one, and answer the sender when it was rejected. What became of the message goes back to the mailbox
 * through {@link #settle} alone, so the club mailbox view shows it.
 */
@Service
@Transactional
public class MailIntake {

    /** What reading a message decided; the process branches on it. */
    public enum Decision {
        ONBOARDING_STARTED,
        TRANSCRIBE,
        REJECTED
    }

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** Where the reasons the intake gives the club mailbox live among the messages. */
    private static final String REASON = "intake.reason.";

    /** A photo smaller than this is a logo or a signature, not a questionnaire. */
    private static final long MIN_PHOTO_BYTES = 20_000;

    private final InboundMailService inbound;
    private final MembershipService membership;
    private final QuestionnairePdfReader pdfReader;
    private final MailService mail;
    private final MailIntakeStore store;
    private final String publicBaseUrl;
    private final String clubMailbox;

    public MailIntake(
            InboundMailService inbound,
            MembershipService membership,
            QuestionnairePdfReader pdfReader,
            MailService mail,
            MailIntakeStore store,
            @Value("${clientclub.public-base-url}") String publicBaseUrl,
            @Value("${clientclub.club-mailbox}") String clubMailbox) {
        this.inbound = inbound;
        this.membership = membership;
        this.pdfReader = pdfReader;
        this.mail = mail;
        this.store = store;
        this.publicBaseUrl = publicBaseUrl;
        this.clubMailbox = clubMailbox;
    }

    /** A message's intake as staff see it on the transcription task. */
    public record Intake(
            InboundMailId inboundId,
            String sender,
            Language language,
            Integer attachmentIndex,
            String reason,
            List<String> reasonFields,
            Long applicationId) {}

    /**
     * Keeps what the intake needs of a message as the mailbox hands it over, parsed, in the storing transaction: the
     * steps after it read this, never the mailbox again. Handling a message again starts over from here.
     */
    public void keep(InboundMailId inboundId, InboundMessage message) {
        store.keep(inboundId, address(message.from()).map(EmailAddress::value).orElse(null), message);
    }

    public Decision read(InboundMailId inboundId) {
        Optional<Intake> earlier = intake(inboundId);
        if (earlier.isPresent() && earlier.get().applicationId() != null) {
            // Handled before (reprocessed, or the same message again): one message, one application.
            settle(inboundId, InboundResult.handled());
            return Decision.ONBOARDING_STARTED;
        }
        InboundMessage message = message(inboundId);
        List<InboundAttachment> pdfs = message.attachments().stream()
                .filter(MailIntakeStore::looksLikePdf)
                .toList();
        boolean anyTooLarge = message.attachments().stream().anyMatch(InboundAttachment::tooLarge);
        if (pdfs.isEmpty()) {
            Optional<InboundAttachment> photo = message.attachments().stream()
                    .filter(a -> a.isImage() && a.data() != null && a.size() >= MIN_PHOTO_BYTES)
                    .max(Comparator.comparingLong(InboundAttachment::size));
            if (photo.isPresent()) {
                return transcribe(inboundId, photo.get().index(), "photo");
            }
            return reject(inboundId, anyTooLarge ? "attachmentTooLarge" : "noAttachment", List.of());
        }
        List<Readable> readings = new ArrayList<>();
        for (InboundAttachment pdf : pdfs) {
            readings.add(new Readable(
                    pdf,
                    pdf.tooLarge()
                            ? new PdfReading.Rejected("attachmentTooLarge")
                            : pdf.isPdf() ? pdfReader.read(pdf.data()) : new PdfReading.Rejected("corruptPdf")));
        }
        readings.forEach(r -> logRefused(inboundId, r));
        List<Readable> questionnaires = readings.stream()
                .filter(r -> !(r.reading() instanceof PdfReading.Rejected))
                .toList();
        if (questionnaires.size() > 1) {
            return reject(inboundId, "severalQuestionnaires", List.of());
        }
        if (questionnaires.isEmpty()) {
            // The first attachment's reason is the one the sender can act on.
            return reject(inboundId, ((PdfReading.Rejected) readings.get(0).reading()).reason(), List.of());
        }
        Readable only = questionnaires.get(0);
        if (only.reading() instanceof PdfReading.NeedsTranscription needs) {
            return transcribe(inboundId, only.attachment().index(), needs.reason());
        }
        PdfReading.Filled filled = (PdfReading.Filled) only.reading();
        if (filled.questionnaire().language() != null) {
            // The language the applicant chose in the questionnaire beats a guess from the e-mail's text.
            store.keepLanguage(inboundId, filled.questionnaire().language());
        }
        if (!filled.consentAccepted()) {
            return reject(inboundId, "consentMissing", List.of());
        }
        if (filled.consentVersion() != membership.currentConsentVersion()) {
            return reject(inboundId, "outdatedQuestionnaire", List.of());
        }
        Questionnaire questionnaire = withSender(filled.questionnaire(), message.from());
        try {
            var applicationId = membership.submitMailed(questionnaire, filled.consentVersion(), true, message.from());
            store.linkApplication(inboundId, applicationId.value());
            settle(inboundId, InboundResult.handled());
            return Decision.ONBOARDING_STARTED;
        } catch (QuestionnaireRejected e) {
            return reject(
                    inboundId,
                    e.errors().containsKey("consent") ? "consentMissing" : "incomplete",
                    e.errors().keySet().stream()
                            .filter(k -> !k.equals("form"))
                            .sorted()
                            .toList());
        }
    }

    /** Checks and keeps staff's transcription; onboarding starts from it once the task is completed. */
    public void keepTranscription(
            InboundMailId inboundId, Questionnaire questionnaire, boolean consentAccepted, String staff) {
        Intake intake = intake(inboundId).orElseThrow();
        Questionnaire filled = withSender(questionnaire, intake.sender());
        Map<String, String> errors = new HashMap<>();
        try {
            membership.check(filled);
        } catch (QuestionnaireRejected e) {
            errors.putAll(e.errors());
        }
        if (!consentAccepted) {
            errors.put("consent", "validation.consent.required");
        }
        if (!errors.isEmpty()) {
            throw new QuestionnaireRejected(errors);
        }
        store.keepTranscription(inboundId, filled, staff);
    }

    /** Staff found the attachment is no questionnaire they can type in. */
    public void keepStaffRejection(InboundMailId inboundId, String reason) {
        store.keepStaffRejection(inboundId, reason);
    }

    public void startOnboardingFromTranscription(InboundMailId inboundId) {
        Intake intake = intake(inboundId).orElseThrow();
        if (intake.applicationId() != null) {
            return;
        }
        Questionnaire questionnaire = store.transcription(inboundId);
        var applicationId =
                membership.submitMailed(questionnaire, membership.currentConsentVersion(), true, intake.sender());
        store.linkApplication(inboundId, applicationId.value());
        settle(inboundId, InboundResult.handled());
    }

    /**
     * Tells the sender what was wrong and what to do; a message without a usable sender is only recorded, and so is
     * one whose sender asked for no automatic replies.
     */
    public void sendRejection(InboundMailId inboundId, String idempotencyKey) {
        Intake intake = intake(inboundId).orElseThrow();
        InboundMessage message = message(inboundId);
        if (message.autoRepliesSuppressed()) {
            settle(inboundId, InboundResult.ignored(REASON + "autoRepliesSuppressed"));
            return;
        }
        Optional<EmailAddress> to = address(intake.sender());
        if (to.isEmpty()) {
            settle(inboundId, InboundResult.answered(REASON + intake.reason()));
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("reason", intake.reason());
        model.put("fields", intake.reasonFields());
        model.put("joinUrl", publicBaseUrl + "/join");
        model.put(
                "pdfUrl",
                publicBaseUrl + "/join/questionnaire.pdf?lang="
                        + intake.language().code());
        model.put("clubMailbox", clubMailbox);
        Enqueued answer = mail.enqueue(new OutgoingMail(
                        idempotencyKey,
                        to.get(),
                        intake.language(),
                        "questionnaire-rejected",
                        model,
                        MailKind.REJECTION_REPLY)
                .answering(message.replyThread()));
        // Refused: stored and visible to staff, with why nobody was answered (forged senders make this a flood).
        settle(
                inboundId,
                answer == Enqueued.REFUSED_QUOTA
                        ? InboundResult.ignored(REASON + "replyQuota")
                        : InboundResult.answered(REASON + intake.reason()));
    }

    @Transactional(readOnly = true)
    public Optional<Intake> intake(InboundMailId inboundId) {
        return store.intake(inboundId);
    }

    /**
     * The message as the intake kept it ({@link #keep}); its attachments carry their bytes when they may be the
     * questionnaire.
     */
    @Transactional(readOnly = true)
    public InboundMessage message(InboundMailId inboundId) {
        return store.message(inboundId);
    }

    /**
     * Tells the club mailbox what became of the message: the intake's one way back into mail. Once the intake is
     * over, what it kept of the message goes: the mailbox keeps the message itself.
     */
    private void settle(InboundMailId inboundId, InboundResult result) {
        inbound.recordOutcome(inboundId, result);
        if (result.outcome() != InboundOutcome.NEEDS_PERSON) {
            store.forgetMessage(inboundId);
        }
    }

    private Decision reject(InboundMailId inboundId, String reason, List<String> fields) {
        store.keepReason(inboundId, reason, fields, null);
        // The outcome is recorded when the answer is written (sendRejection), which a manager may move.
        return Decision.REJECTED;
    }

    private Decision transcribe(InboundMailId inboundId, int attachmentIndex, String reason) {
        store.keepReason(inboundId, reason, List.of(), attachmentIndex);
        settle(inboundId, InboundResult.needsPerson(REASON + reason));
        return Decision.TRANSCRIBE;
    }

    /** The sender's address fills an empty e-mail field. */
    private static Questionnaire withSender(Questionnaire q, String sender) {
        if (q.email() != null && !q.email().isBlank()) {
            return q;
        }
        return new Questionnaire(
                q.lastName(),
                q.firstName(),
                q.patronymic(),
                sender,
                q.phone(),
                q.birthDate(),
                q.regionCode(),
                q.town(),
                q.postcode(),
                q.interests(),
                q.language(),
                q.readyForInteraction(),
                q.guardianEmail());
    }

    private static Optional<EmailAddress> address(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * One line per PDF refused, with the message, the attachment and why: PDFBox's own complaints about broken files
     * are switched off (logging.level.org.apache.pdfbox.* in application.yaml), as the reader handles every one.
     */
    private static void logRefused(InboundMailId inboundId, Readable readable) {
        if (readable.reading() instanceof PdfReading.Rejected rejected) {
            log.warn(
                    "Mail intake: inbound {} attachment {} \"{}\" refused as a questionnaire PDF: {}",
                    inboundId.value(),
                    readable.attachment().index(),
                    LogSafe.value(readable.attachment().fileName()),
                    rejected.reason());
        }
    }

    private record Readable(InboundAttachment attachment, PdfReading reading) {}
}
