package org.clientclub.mail;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a handler made of a message of the club mailbox, as staff see it in the club mailbox.
 *
 * @param reasonKey a message key the handler owns (e.g. {@code intake.reason.incomplete}) that says why; mail only
 *                  translates it, so it never needs to know a handler's reasons; null when there is nothing to say
 */
public record InboundResult(
        InboundOutcome outcome, @Nullable String reasonKey) {

    public InboundResult {
        Objects.requireNonNull(outcome);
        if (outcome == InboundOutcome.FAILED) {
            throw new IllegalArgumentException("Only the mail module fails to store a message");
        }
    }

    /** Taken by the handler; what comes of it is recorded later. */
    public static InboundResult received() {
        return new InboundResult(InboundOutcome.RECEIVED, null);
    }

    public static InboundResult handled() {
        return new InboundResult(InboundOutcome.HANDLED, null);
    }

    public static InboundResult needsPerson(String reasonKey) {
        return new InboundResult(InboundOutcome.NEEDS_PERSON, reasonKey);
    }

    public static InboundResult answered(String reasonKey) {
        return new InboundResult(InboundOutcome.ANSWERED, reasonKey);
    }

    public static InboundResult ignored(String reasonKey) {
        return new InboundResult(InboundOutcome.IGNORED, reasonKey);
    }
}
