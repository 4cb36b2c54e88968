package org.clientclub.tasks.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.clientclub.tasks.CamundaForm;
import org.jspecify.annotations.Nullable;

/**
 * The server's check of submitted values against a form's rules. The page shows the same errors next to the
 * fields, but only this check decides. Values for keys the form does not have are not accepted at all.
 */
public final class FormValidator {

    /** Longest text any field takes when its form sets no limit. */
    public static final int DEFAULT_MAX_LENGTH = 10_000;

    private FormValidator() {}

    /** @return field key to message key; empty when the values are fine */
    public static Map<String, String> validate(CamundaForm form, Map<String, Object> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            boolean known = form.fields().stream().anyMatch(f -> f.isInput() && key.equals(f.key()) && !f.readonly());
            if (!known) {
                errors.put(key, "form.error.unknownField");
            }
        }
        for (CamundaForm.Field field : form.fields()) {
            if (!field.isInput() || field.readonly()) {
                continue;
            }
            String error = check(field, values.get(field.key()));
            if (error != null) {
                errors.put(field.key(), error);
            }
        }
        return errors;
    }

    private static @Nullable String check(CamundaForm.Field field, @Nullable Object value) {
        boolean empty = value == null
                || (value instanceof String s && s.isBlank())
                || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value));
        if (empty) {
            return field.required() ? "form.error.required" : null;
        }
        switch (field.type()) {
            case "textfield", "textarea" -> {
                if (!(value instanceof String s)) {
                    return "form.error.type";
                }
                int max = field.maxLength() == null ? DEFAULT_MAX_LENGTH : field.maxLength();
                if (s.length() > max) {
                    return "form.error.maxLength";
                }
                if (field.minLength() != null && s.length() < field.minLength()) {
                    return "form.error.minLength";
                }
                if (field.pattern() != null && !matches(field.pattern(), s)) {
                    return "form.error.pattern";
                }
            }
            case "number" -> {
                if (!(value instanceof Number n)) {
                    return "form.error.type";
                }
                BigDecimal d = new BigDecimal(n.toString());
                if (field.min() != null && d.compareTo(field.min()) < 0) {
                    return "form.error.min";
                }
                if (field.max() != null && d.compareTo(field.max()) > 0) {
                    return "form.error.max";
                }
            }
            case "select", "radio" -> {
                boolean offered =
                        field.options().stream().anyMatch(o -> o.value().equals(value));
                if (!offered) {
                    return "form.error.option";
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    return "form.error.type";
                }
            }
            case "datetime" -> {
                try {
                    LocalDate.parse(String.valueOf(value));
                } catch (DateTimeParseException e) {
                    return "form.error.date";
                }
            }
            default -> {
                return "form.error.type";
            }
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
