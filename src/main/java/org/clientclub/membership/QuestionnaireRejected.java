package org.clientclub.membership;

import java.util.Map;

/** The questionnaire was not accepted; nothing was stored. Maps field keys (or "form") to message keys. */
public class QuestionnaireRejected extends RuntimeException {

    private final transient Map<String, String> errors;

    public QuestionnaireRejected(Map<String, String> errors) {
        super("Questionnaire rejected: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
