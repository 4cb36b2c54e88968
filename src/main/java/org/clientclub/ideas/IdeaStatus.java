package org.clientclub.ideas;

/** Where an idea stands; each has the message key {@code ideas.status.<NAME>}. */
public enum IdeaStatus {
    /** Received, waiting for staff to triage it. */
    SUBMITTED;

    public String messageKey() {
        return "ideas.status." + name();
    }
}
