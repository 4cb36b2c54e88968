package org.clientclub.workflow;

/**
 * An uploaded decision table that is not plain data: it names a language other than FEEL, carries an extension, a
 * DTD or an attribute the engine would act on, or cannot be read as XML. Nothing of it was parsed by the engine.
 *
 * @param reason a message key (decision.refused.*)
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
