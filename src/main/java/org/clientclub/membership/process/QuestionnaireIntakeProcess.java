package org.clientclub.membership.process;

import java.util.Optional;
import org.clientclub.mail.InboundMailId;
import org.clientclub.workflow.ProcessVariable;

/** The ids of processes/membership/QuestionnaireIntakeProcess.bpmn, spelled once. */
public final class QuestionnaireIntakeProcess {

    public static final String PROCESS_ID = "QuestionnaireIntakeProcess";

    public static final String TASK_READ_QUESTIONNAIRE = "Task_ReadQuestionnaire";
    public static final String TASK_TRANSCRIBE_QUESTIONNAIRE = "Task_TranscribeQuestionnaire";
    public static final String TASK_START_ONBOARDING_FROM_TRANSCRIPTION = "Task_StartOnboardingFromTranscription";
    public static final String TASK_SEND_REJECTION = "Task_SendRejection";

    public static final String END_ONBOARDING_STARTED = "EndEvent_OnboardingStarted";
    public static final String END_TRANSCRIPTION_ONBOARDED = "EndEvent_TranscriptionOnboarded";
    public static final String END_QUESTIONNAIRE_REJECTED = "EndEvent_QuestionnaireRejected";

    /** Variables: ids and flags only. The message, set at the start; the glue takes it as it is. */
    public static final ProcessVariable<InboundMailId> INBOUND_MAIL_ID =
            ProcessVariable.ofLong("inboundMailId").map(InboundMailId::new, InboundMailId::value);
    /** What reading decided: a {@code MailIntake.Decision} name. */
    public static final String VAR_INTAKE_OUTCOME = "intakeOutcome";
    /** Set by the transcription form: true when staff typed the questionnaire in, false when they rejected it. */
    public static final ProcessVariable<Boolean> TRANSCRIBED = ProcessVariable.ofBoolean("transcribed");

    private QuestionnaireIntakeProcess() {}

    public static String businessKey(InboundMailId inboundMailId) {
        return "mail-" + inboundMailId.value();
    }

    /** @return the message of a business key made by {@link #businessKey}; empty for any other key */
    public static Optional<InboundMailId> inboundMailId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith("mail-")) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(businessKey.substring(5));
            return id > 0 ? Optional.of(new InboundMailId(id)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
