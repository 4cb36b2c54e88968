package org.clientclub.membership;

import java.util.List;
import java.util.Optional;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMessage;
import org.clientclub.membership.internal.MailIntake;
import org.clientclub.membership.process.QuestionnaireIntakeProcess;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.Language;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Questionnaires that came by e-mail, for the staff who type in the ones a machine could not read. */
@Service
public class MailQuestionnaires {

    /** What staff may answer when an attachment is no questionnaire they can type in. */
    public static final List<String> STAFF_REJECTIONS = List.of(
            "illegible", "notOurQuestionnaire", "consentMissing", "blankQuestionnaire", "severalQuestionnaires");

    private final MailIntake intake;
    private final MembershipService membership;

    public MailQuestionnaires(MailIntake intake, MembershipService membership) {
        this.intake = intake;
        this.membership = membership;
    }

    /** What a transcription task shows: the message, why a person is needed, and the attachment. */
    public record TranscriptionRequest(
            InboundMailId inboundId,
            String sender,
            String subject,
            String reason,
            Language language,
            Optional<InboundAttachment> attachment,
            int consentVersion) {}

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<TranscriptionRequest> transcriptionRequest(String businessKey) {
        return QuestionnaireIntakeProcess.inboundMailId(businessKey)
                .flatMap(intake::intake)
                .map(i -> {
                    InboundMessage message = intake.message(i.inboundId());
                    return new TranscriptionRequest(
                            i.inboundId(),
                            i.sender(),
                            message.subject(),
                            i.reason(),
                            i.language(),
                            attachment(message, i.attachmentIndex()),
                            membership.currentConsentVersion());
                });
    }

    /**
     * Keeps what staff typed in; completing the task then starts onboarding from it.
     *
     * @throws QuestionnaireRejected with per-field message keys, as for the web form
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void transcribe(String businessKey, Questionnaire questionnaire, boolean consentAccepted) {
        intake.keepTranscription(
                inboundMailId(businessKey),
                questionnaire,
                consentAccepted,
                SecurityContextHolder.getContext().getAuthentication().getName());
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void reject(String businessKey, String reason) {
        if (!STAFF_REJECTIONS.contains(reason)) {
            throw new IllegalArgumentException("Unknown reason " + reason);
        }
        intake.keepStaffRejection(inboundMailId(businessKey), reason);
    }

    private static InboundMailId inboundMailId(String businessKey) {
        return QuestionnaireIntakeProcess.inboundMailId(businessKey)
                .orElseThrow(() -> new IllegalArgumentException("Not a mailed questionnaire: " + businessKey));
    }

    private static Optional<InboundAttachment> attachment(InboundMessage message, Integer index) {
        return index == null
                ? Optional.empty()
                : message.attachments().stream().filter(a -> a.index() == index).findFirst();
    }
}
