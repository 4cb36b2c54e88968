package org.clientclub.membership.process;

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
    public static final String END_MESSAGE_IGNORED = "EndEvent_MessageIgnored";

    /** Variables: ids and flags only. */
    public static final String VAR_INBOUND_MAIL_ID = "inboundMailId";
    /** What reading decided: a {@code MailIntake.Decision} name. */
    public static final String VAR_INTAKE_OUTCOME = "intakeOutcome";
    /** Set by the transcription form: true when staff typed the questionnaire in, false when they rejected it. */
    public static final String VAR_TRANSCRIBED = "transcribed";

    private QuestionnaireIntakeProcess() {}

    public static String businessKey(long inboundMailId) {
        return "mail-" + inboundMailId;
    }

    /** @return the message id of a business key made by {@link #businessKey}, or -1 */
    public static long inboundMailId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith("mail-")) {
            return -1;
        }
        try {
            return Long.parseLong(businessKey.substring(5));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
