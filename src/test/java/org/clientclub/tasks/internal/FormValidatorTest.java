package org.clientclub.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.clientclub.tasks.CamundaForm;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private static final String FORM = """
            {"id": "every-field", "components": [
              {"type": "text", "text": "Intro"},
              {"key": "name", "type": "textfield", "label": "Name",
               "validate": {"required": true, "minLength": 2, "maxLength": 5, "pattern": "[A-Z][a-z]+"}},
              {"key": "notes", "type": "textarea", "label": "Notes"},
              {"key": "count", "type": "number", "label": "Count", "validate": {"min": 1, "max": 10}},
              {"key": "colour", "type": "select", "label": "Colour", "values": [{"label": "Red", "value": "red"}]},
              {"key": "ok", "type": "checkbox", "label": "OK", "validate": {"required": true}},
              {"key": "day", "type": "datetime", "subtype": "date", "dateLabel": "Day"},
              {"key": "when", "type": "datetime", "subtype": "datetime", "dateLabel": "When"},
              {"type": "group", "components": [{"key": "inner", "type": "textfield", "label": "Inner"}]},
              {"key": "shown", "type": "textfield", "label": "Shown", "readonly": true}
            ]}""";

    private final CamundaForm form = parse(FORM);

    @Test
    void readsEveryFieldTypeIncludingGroupsAndMarksUnsupportedOnes() {
        assertThat(form.fields())
                .extracting(CamundaForm.Field::type)
                .containsExactly(
                        "text",
                        "textfield",
                        "textarea",
                        "number",
                        "select",
                        "checkbox",
                        "datetime",
                        "unsupported",
                        "textfield",
                        "textfield");
    }

    @Test
    void acceptsValuesThatKeepEveryRule() {
        assertThat(FormValidator.validate(
                        form,
                        Map.of(
                                "name",
                                "Anna",
                                "count",
                                3L,
                                "colour",
                                "red",
                                "ok",
                                true,
                                "day",
                                "2026-11-25",
                                "inner",
                                "x")))
                .isEmpty();
    }

    @Test
    void reportsEachBrokenRuleAgainstItsField() {
        Map<String, String> errors = FormValidator.validate(
                form,
                Map.of(
                        "name",
                        "anna",
                        "count",
                        11,
                        "colour",
                        "blue",
                        "ok",
                        false,
                        "day",
                        "25.11.2026",
                        "notes",
                        "x".repeat(10_001)));

        assertThat(errors)
                .containsEntry("name", "form.error.pattern")
                .containsEntry("count", "form.error.max")
                .containsEntry("colour", "form.error.option")
                .containsEntry("ok", "form.error.required")
                .containsEntry("day", "form.error.date")
                .containsEntry("notes", "form.error.maxLength");
    }

    @Test
    void refusesMissingRequiredValuesWrongTypesAndFieldsTheFormDoesNotHave() {
        assertThat(FormValidator.validate(form, Map.of("ok", true))).containsEntry("name", "form.error.required");
        assertThat(FormValidator.validate(form, Map.of("name", 42, "ok", true)))
                .containsEntry("name", "form.error.type");
        assertThat(FormValidator.validate(form, Map.of("name", "Anna", "ok", true, "approved", true, "shown", "x")))
                .containsEntry("approved", "form.error.unknownField")
                .containsEntry("shown", "form.error.unknownField");
    }

    @Test
    void theDuplicateReviewFormOfTheRepositoryParses() throws IOException {
        try (InputStream in = new FileInputStream("forms/membership/review-possible-duplicate.form")) {
            CamundaForm review = CamundaForm.parse(in);
            assertThat(review.id()).isEqualTo("review-possible-duplicate");
            assertThat(FormValidator.validate(review, Map.of()))
                    .containsEntry("duplicateDecision", "form.error.required");
            assertThat(FormValidator.validate(review, Map.of("duplicateDecision", "keepMember")))
                    .isEmpty();
        }
    }

    private static CamundaForm parse(String json) {
        try {
            return CamundaForm.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
