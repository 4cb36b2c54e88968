package org.clientclub.tasks;

import java.util.Map;

/** Submitted values broke the form's rules; maps field keys to message keys. Nothing was completed. */
public class FormInvalid extends RuntimeException {

    private final transient Map<String, String> errors;

    public FormInvalid(Map<String, String> errors) {
        super("Form invalid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
