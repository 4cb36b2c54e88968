package org.clientclub.membership.process;

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

    /** Variables: ids and flags only. */
    public static final String VAR_APPLICATION_ID = "applicationId";

    public static final String VAR_GUARDIAN_REQUIRED = "guardianRequired";
    public static final String VAR_READY_FOR_INTERACTION = "readyForInteraction";
    public static final String VAR_GUARDIAN_CONSENTED = "guardianConsented";
    public static final String VAR_REGISTRATION = "registration";
    /** Set by the duplicate review form: {@code updateMember} or {@code keepMember}. */
    public static final String VAR_DUPLICATE_DECISION = "duplicateDecision";

    public static final String FORM_REVIEW_POSSIBLE_DUPLICATE = "review-possible-duplicate";

    private MembershipOnboardingProcess() {}
}
