package org.clientclub.membership;

/** Where a submitted questionnaire stands. */
public enum ApplicationStatus {
    AWAITING_CONFIRMATION,
    AWAITING_GUARDIAN,
    CONFIRMED,
    MEMBER_CREATED,
    ALREADY_MEMBER,
    FEEDBACK_ONLY,
    LAPSED,
    GUARDIAN_DECLINED
}
