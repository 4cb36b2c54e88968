package org.clientclub.loyalty;

/** Club activity that earns points; the amounts live in ActivityPoints.dmn. */
public enum Activity {
    WELCOME_BONUS,
    IDEA_SUBMITTED,
    IDEA_ACCEPTED,
    SURVEY_COMPLETED,
    FOCUS_GROUP_ATTENDED,
    MEETING_ATTENDED
}
