package org.clientclub.ideas;

import java.util.List;

/**
 * A proposal or a support the club does not take, with what to tell the member: message keys of this module
 * ({@code ideas.refused.*}), each with its arguments. Nothing was stored.
 */
public class IdeaRefused extends RuntimeException {

    /** One reason: a message key and its arguments. */
    public record Reason(String key, Object... arguments) {}

    private final List<Reason> reasons;

    public IdeaRefused(List<Reason> reasons) {
        super(reasons.stream().map(Reason::key).toList().toString());
        this.reasons = List.copyOf(reasons);
    }

    public IdeaRefused(String key, Object... arguments) {
        this(List.of(new Reason(key, arguments)));
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
