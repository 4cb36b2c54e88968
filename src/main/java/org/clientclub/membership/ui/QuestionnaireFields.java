package org.clientclub.membership.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientclub.membership.Interest;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.Region;
import org.clientclub.shared.Language;

/**
 * The questionnaire's questions as Vaadin fields, labelled and limited by {@link QuestionnaireField}: the join
 * page asks them, and staff type a mailed questionnaire into the same fields.
 */
class QuestionnaireFields extends Composite<FormLayout> {

    private static final int GUARDIAN_AGE = 14;

    private final Map<String, Component> fieldsByKey = new HashMap<>();
    private final LocalDate today;
    private final List<Region> regions;

    private final TextField lastName = text(QuestionnaireField.LAST_NAME);
    private final TextField firstName = text(QuestionnaireField.FIRST_NAME);
    private final TextField patronymic = text(QuestionnaireField.PATRONYMIC);
    private final EmailField email = new EmailField();
    private final TextField phone = text(QuestionnaireField.PHONE);
    private final DatePicker birthDate = new DatePicker();
    private final EmailField guardianEmail = new EmailField();
    private final ComboBox<Region> region = new ComboBox<>();
    private final TextField town = text(QuestionnaireField.TOWN);
    private final TextField postcode = text(QuestionnaireField.POSTCODE);
    private final CheckboxGroup<Interest> interests = new CheckboxGroup<>();
    private final RadioButtonGroup<Language> preferredLanguage = new RadioButtonGroup<>();
    private final RadioButtonGroup<Boolean> ready = new RadioButtonGroup<>();
    private final Paragraph readyQuestion = new Paragraph();

    QuestionnaireFields(LocalDate today, List<Region> regions, Language language) {
        this.today = today;
        this.regions = regions;
        label(lastName, QuestionnaireField.LAST_NAME);
        label(firstName, QuestionnaireField.FIRST_NAME);
        label(patronymic, QuestionnaireField.PATRONYMIC);
        label(email, QuestionnaireField.EMAIL);
        email.setMaxLength(QuestionnaireField.EMAIL.maxLength());
        label(phone, QuestionnaireField.PHONE);
        phone.setPlaceholder("+7 900 123-45-67");
        label(birthDate, QuestionnaireField.BIRTH_DATE);
        birthDate.setLocale(language.locale());
        birthDate.setMax(today);
        label(guardianEmail, QuestionnaireField.GUARDIAN_EMAIL);
        guardianEmail.setMaxLength(QuestionnaireField.GUARDIAN_EMAIL.maxLength());
        guardianEmail.setHelperText(getTranslation("join.guardian.help"));
        guardianEmail.setVisible(false);
        birthDate.addValueChangeListener(e -> guardianEmail.setVisible(isChild(e.getValue())));
        label(region, QuestionnaireField.REGION);
        region.setItems(regions);
        region.setItemLabelGenerator(Region::name);
        label(town, QuestionnaireField.TOWN);
        label(postcode, QuestionnaireField.POSTCODE);
        postcode.setAllowedCharPattern("[0-9]");
        postcode.setHelperText(getTranslation("join.postcode.help"));
        label(interests, QuestionnaireField.INTERESTS);
        interests.setItems(Interest.values());
        interests.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        interests.setItemLabelGenerator(i -> getTranslation("interest." + i.name()));
        label(preferredLanguage, QuestionnaireField.LANGUAGE);
        preferredLanguage.setItems(Language.values());
        preferredLanguage.setItemLabelGenerator(l -> getTranslation("language." + l.code()));
        preferredLanguage.setValue(language);
        label(ready, QuestionnaireField.READY_FOR_INTERACTION);
        ready.setItems(Boolean.TRUE, Boolean.FALSE);
        ready.setItemLabelGenerator(b -> getTranslation(b ? "join.ready.yes" : "join.ready.no"));
        ready.setHelperText(getTranslation("join.ready.help"));
        // The questionnaire's key question is too long for a field label, which would cut it off on a phone.
        readyQuestion.setText(getTranslation(QuestionnaireField.READY_FOR_INTERACTION.labelKey()) + " *");
        readyQuestion.getStyle().set("font-weight", "600").set("color", "var(--lumo-body-text-color)");
        ready.getElement()
                .setAttribute("aria-label", getTranslation(QuestionnaireField.READY_FOR_INTERACTION.labelKey()));
        ready.setLabel(null);

        FormLayout form = getContent();
        form.add(
                lastName,
                firstName,
                patronymic,
                email,
                phone,
                birthDate,
                guardianEmail,
                region,
                town,
                postcode,
                interests,
                preferredLanguage,
                readyQuestion,
                ready);
        form.setWidthFull();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        form.setColspan(interests, 2);
        form.setColspan(readyQuestion, 2);
        form.setColspan(ready, 2);
        form.setColspan(guardianEmail, 2);
    }

    DatePicker birthDate() {
        return birthDate;
    }

    String email() {
        return email.getValue();
    }

    Questionnaire questionnaire() {
        return new Questionnaire(
                lastName.getValue(),
                firstName.getValue(),
                patronymic.getValue(),
                email.getValue(),
                phone.getValue(),
                birthDate.getValue(),
                Optional.ofNullable(region.getValue()).map(Region::code).orElse(null),
                town.getValue(),
                postcode.getValue(),
                interests.getValue(),
                preferredLanguage.getValue(),
                ready.getValue(),
                guardianEmail.isVisible() ? guardianEmail.getValue() : null);
    }

    /** Fills the fields, e.g. with what could be read of a mailed questionnaire. */
    void fill(Questionnaire q) {
        lastName.setValue(orEmpty(q.lastName()));
        firstName.setValue(orEmpty(q.firstName()));
        patronymic.setValue(orEmpty(q.patronymic()));
        email.setValue(orEmpty(q.email()));
        phone.setValue(orEmpty(q.phone()));
        birthDate.setValue(q.birthDate());
        regions.stream()
                .filter(r -> r.code().equals(q.regionCode()))
                .findFirst()
                .ifPresent(region::setValue);
        town.setValue(orEmpty(q.town()));
        postcode.setValue(orEmpty(q.postcode()));
        interests.setValue(q.interests());
        if (q.language() != null) {
            preferredLanguage.setValue(q.language());
        }
        ready.setValue(q.readyForInteraction());
        guardianEmail.setValue(orEmpty(q.guardianEmail()));
    }

    /** Marks the fields the server refused. @return whether any of them is a field here */
    boolean showErrors(Map<String, String> errors) {
        fieldsByKey.forEach((key, field) -> {
            if (field instanceof HasValidation v) {
                String error = errors.get(key);
                v.setErrorMessage(error == null ? null : getTranslation(error));
                v.setInvalid(error != null);
            }
        });
        return errors.keySet().stream().anyMatch(fieldsByKey::containsKey);
    }

    private static TextField text(QuestionnaireField field) {
        TextField f = new TextField();
        f.setMaxLength(field.maxLength());
        return f;
    }

    private void label(Component field, QuestionnaireField definition) {
        field.getElement().setProperty("label", getTranslation(definition.labelKey()));
        field.setId("field-" + definition.key());
        if (definition.required() && field instanceof HasValue<?, ?> hv) {
            hv.setRequiredIndicatorVisible(true);
        }
        fieldsByKey.put(definition.key(), field);
    }

    private boolean isChild(LocalDate date) {
        return date != null
                && !date.isAfter(today)
                && date.plusYears(GUARDIAN_AGE).isAfter(today);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
