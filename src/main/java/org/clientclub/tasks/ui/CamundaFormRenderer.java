package org.clientclub.tasks.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientclub.tasks.CamundaForm;
import org.clientclub.tasks.internal.FormValidator;

/**
 * Renders a Camunda Form as Vaadin fields. Labels may be message keys (translated) or literal text. The
 * client-side hints (required, lengths) only help; the server validates again on completion.
 */
class CamundaFormRenderer extends VerticalLayout {

    private final Map<String, AbstractField<?, ?>> inputs = new LinkedHashMap<>();

    CamundaFormRenderer(CamundaForm form) {
        setPadding(false);
        setSpacing(true);
        for (CamundaForm.Field field : form.fields()) {
            Component component = render(field);
            if (component != null) {
                add(component);
            }
        }
    }

    private Component render(CamundaForm.Field field) {
        String label = field.label() == null ? null : getTranslation(field.label());
        AbstractField<?, ?> input;
        switch (field.type()) {
            case "text" -> {
                return new Paragraph(getTranslation(field.text() == null ? "" : field.text()));
            }
            case "textfield" -> {
                TextField f = new TextField(label);
                f.setMaxLength(max(field));
                f.setWidthFull();
                Optional.ofNullable(field.defaultValue()).ifPresent(f::setValue);
                input = f;
            }
            case "textarea" -> {
                TextArea f = new TextArea(label);
                f.setMaxLength(max(field));
                f.setWidthFull();
                f.setMinHeight("6em");
                Optional.ofNullable(field.defaultValue()).ifPresent(f::setValue);
                input = f;
            }
            case "number" -> {
                BigDecimalField f = new BigDecimalField(label);
                input = f;
            }
            case "select" -> {
                Select<String> f = new Select<>();
                f.setLabel(label);
                f.setItems(
                        field.options().stream().map(CamundaForm.Option::value).toList());
                f.setItemLabelGenerator(v -> optionLabel(field.options(), v));
                input = f;
            }
            case "radio" -> {
                RadioButtonGroup<String> f = new RadioButtonGroup<>(label);
                f.setItems(
                        field.options().stream().map(CamundaForm.Option::value).toList());
                f.setItemLabelGenerator(v -> optionLabel(field.options(), v));
                input = f;
            }
            case "checkbox" -> input = new Checkbox(label);
            case "datetime" -> input = new DatePicker(label);
            default -> {
                return new Paragraph(getTranslation("form.unsupported", field.key() == null ? "?" : field.key()));
            }
        }
        input.setReadOnly(field.readonly());
        input.setRequiredIndicatorVisible(field.required());
        if (field.description() != null && input instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(getTranslation(field.description()));
        }
        input.setId("form-" + field.key());
        inputs.put(field.key(), input);
        return input;
    }

    private int max(CamundaForm.Field field) {
        return field.maxLength() == null ? FormValidator.DEFAULT_MAX_LENGTH : field.maxLength();
    }

    private String optionLabel(List<CamundaForm.Option> options, String value) {
        return options.stream()
                .filter(o -> o.value().equals(value))
                .findFirst()
                .map(o -> getTranslation(o.label()))
                .orElse(value);
    }

    /** The values to complete the task with: only fields a person filled in. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        inputs.forEach((key, input) -> {
            if (input.isReadOnly()) {
                return;
            }
            Object value = input.getValue();
            if (value instanceof BigDecimal d) {
                value = d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? (Object) d.longValue()
                        : (Object) d.doubleValue();
            } else if (value instanceof LocalDate date) {
                value = date.toString();
            } else if (value instanceof String s && s.isEmpty()) {
                value = null;
            }
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    void showErrors(Map<String, String> errors) {
        inputs.forEach((key, input) -> {
            if (input instanceof HasValidation v) {
                String error = errors.get(key);
                v.setInvalid(error != null);
                v.setErrorMessage(error == null ? null : getTranslation(error));
            }
        });
    }
}
