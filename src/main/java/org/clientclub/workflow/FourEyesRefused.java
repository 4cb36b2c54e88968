package org.clientclub.workflow;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The engine refused to complete a four-eyes task ({@link FourEyesTask}). An {@link AuthorizationException}, so the
 * webapps' REST API answers 403 with the reason rather than 500, and the transaction that tried it rolls back.
 */
public class FourEyesRefused extends AuthorizationException {

    /** Why: the reason's name is also the start of the message that Tasklist and the REST API show. */
    public enum Reason {
        /** Nobody holds the task, so nobody would be on record as having approved it. */
        NO_ASSIGNEE,
        /** Someone completes a task that a colleague holds. */
        NOT_THE_ASSIGNEE,
        /** The holder or the one completing asked for what the task approves. */
        REQUESTER,
        /** The process does not say who asked, so four eyes cannot be checked. */
        NO_REQUESTER
    }

    private final Reason reason;

    public FourEyesRefused(Reason reason, String taskDefinitionKey) {
        super(reason + ": task " + taskDefinitionKey + " must be completed by its assignee, a colleague of whoever "
                + "asked for what it approves");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
