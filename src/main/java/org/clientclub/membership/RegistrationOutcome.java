package org.clientclub.membership;

/** What confirming a "yes" questionnaire did. */
public enum RegistrationOutcome {
    /** A new member. */
    NEW,
    /** The address already belongs to a member with the same name and birth date. */
    EXISTING_SAME,
    /** The address already belongs to a member whose name or birth date differ: staff take a look. */
    EXISTING_DIFFERENT
}
