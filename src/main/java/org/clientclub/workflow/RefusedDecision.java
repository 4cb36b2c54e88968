package org.clientclub.workflow;

/**
 * An uploaded decision table that is refused; nothing of it was deployed. {@link UploadedDecisions} refuses one that is
 * not plain data (a language other than FEEL, an extension, a DTD, an attribute the engine would act on, or no XML at
 * all) before the engine parses it; a module refuses one it cannot use with reasons of its own.
 *
 * @param reason a message key (decision.refused.* here) that takes {@code detail} as its argument
 * @param detail what was found and where (language-neutral: a value, an element and a line), or empty
 */
public class RefusedDecision extends RuntimeException {

    private final String reason;
    private final String detail;

    public RefusedDecision(String reason, String detail) {
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
