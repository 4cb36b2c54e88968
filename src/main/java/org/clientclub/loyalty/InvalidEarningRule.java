package org.clientclub.loyalty;

/**
 * An uploaded decision table that cannot replace an earning rule; nothing was deployed.
 *
 * @param reason a message key (rules.invalid.*)
 * @param detail what the DMN engine said, or empty
 */
public class InvalidEarningRule extends RuntimeException {

    private final String reason;
    private final String detail;

    public InvalidEarningRule(String reason, String detail) {
        super(reason + (detail.isEmpty() ? "" : ": " + detail));
        this.reason = reason;
        this.detail = detail;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
