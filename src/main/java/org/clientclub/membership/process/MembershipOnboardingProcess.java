package org.clientclub.membership.process;

import org.clientclub.membership.ApplicationId;
import org.clientclub.membership.RegistrationOutcome;
import org.clientclub.workflow.ProcessVariable;

/** The ids of processes/membership/MembershipOnboardingProcess.bpmn, spelled once. */
public final class MembershipOnboardingProcess {

    public static final String PROCESS_ID = "MembershipOnboardingProcess";

    public static final String MESSAGE_APPLICANT_CONFIRMED = "Message_ApplicantConfirmed";
    public static final String MESSAGE_GUARDIAN_RESPONDED = "Message_GuardianResponded";

    public static final String TASK_SEND_CONFIRMATION_REQUEST = "Task_SendConfirmationRequest";
    public static final String TASK_AWAIT_CONFIRMATION = "Task_AwaitConfirmation";
    public static final String TASK_SEND_REMINDER = "Task_SendReminder";
    public static final String TASK_LAPSE_APPLICATION = "Task_LapseApplication";
    public static final String TASK_SEND_GUARDIAN_REQUEST = "Task_SendGuardianRequest";
    public static final String TASK_AWAIT_GUARDIAN_CONSENT = "Task_AwaitGuardianConsent";
    public static final String TASK_SEND_GUARDIAN_DECLINED = "Task_SendGuardianDeclinedNotice";
    public static final String TASK_KEEP_AS_FEEDBACK = "Task_KeepAsFeedback";
    public static final String TASK_REGISTER_MEMBER = "Task_RegisterMember";
    public static final String TASK_SEND_WELCOME = "Task_SendWelcome";
    public static final String TASK_SEND_ALREADY_MEMBER = "Task_SendAlreadyMember";
    public static final String TASK_REVIEW_POSSIBLE_DUPLICATE = "Task_ReviewPossibleDuplicate";
    public static final String TASK_APPLY_DUPLICATE_REVIEW = "Task_ApplyDuplicateReview";

    public static final String TIMER_REMINDER_DUE = "Timer_ReminderDue";
    public static final String TIMER_CONFIRMATION_EXPIRED = "Timer_ConfirmationExpired";
    public static final String TIMER_GUARDIAN_CONSENT_EXPIRED = "Timer_GuardianConsentExpired";

    public static final String END_MEMBER_JOINED = "EndEvent_MemberJoined";
    public static final String END_ALREADY_MEMBER = "EndEvent_AlreadyMember";
    public static final String END_FEEDBACK_KEPT = "EndEvent_FeedbackKept";
    public static final String END_APPLICATION_LAPSED = "EndEvent_ApplicationLapsed";
    public static final String END_GUARDIAN_DECLINED = "EndEvent_GuardianDeclined";
    public static final String END_DUPLICATE_REVIEWED = "EndEvent_DuplicateReviewed";

    /** Variables: ids and flags only. The diagram's expressions pass them to the glue by these names. */
    public static final ProcessVariable<ApplicationId> APPLICATION_ID =
            ProcessVariable.ofLong("applicationId").map(ApplicationId::of, ApplicationId::value);

    public static final ProcessVariable<Boolean> GUARDIAN_REQUIRED = ProcessVariable.ofBoolean("guardianRequired");
    public static final ProcessVariable<Boolean> READY_FOR_INTERACTION =
            ProcessVariable.ofBoolean("readyForInteraction");
    public static final ProcessVariable<Boolean> GUARDIAN_CONSENTED = ProcessVariable.ofBoolean("guardianConsented");
    /** {@code registerMember}'s result, which the gateways compare by name. */
    public static final ProcessVariable<RegistrationOutcome> REGISTRATION =
            ProcessVariable.ofEnum("registration", RegistrationOutcome.class);
    /** Set by the duplicate review form: {@link #UPDATE_MEMBER} or {@code keepMember}. */
    public static final ProcessVariable<String> DUPLICATE_DECISION = ProcessVariable.ofString("duplicateDecision");

    /** The duplicate review form's answer that takes the newer questionnaire's details. */
    public static final String UPDATE_MEMBER = "updateMember";

    public static final String FORM_REVIEW_POSSIBLE_DUPLICATE = "review-possible-duplicate";

    private MembershipOnboardingProcess() {}
}
