package org.clientclub.loyalty;

import org.clientclub.workflow.RefusedDecision;

/**
 * An uploaded decision table that cannot replace an earning rule; nothing was deployed. Its reason is a message key,
 * rules.invalid.* or, when the file is more than FEEL-only data, decision.refused.*; the detail is its argument.
 */
public class InvalidEarningRule extends RefusedDecision {

    public InvalidEarningRule(String reason, String detail) {
        super(reason, detail);
    }
}
