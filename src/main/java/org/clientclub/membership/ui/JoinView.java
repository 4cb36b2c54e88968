package org.clientclub.membership.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clientclub.membership.Channel;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.Interest;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.membership.Region;
import org.clientclub.membership.Submission;
import org.clientclub.shared.Language;
import org.clientclub.shared.ui.LanguageSwitch;
import org.springframework.beans.factory.annotation.Value;

/**
 * The public questionnaire. Step one asks the questions; step two shows the consent to personal-data processing
 * as its own document to accept. Everything is checked again on the server, which has the last word.
 */
@Route(value = "join", autoLayout = false)
@AnonymousAllowed
public class JoinView extends VerticalLayout implements HasDynamicTitle {

    private static final int GUARDIAN_AGE = 14;

    private final transient MembershipService membership;
    private final Language language;
    private final Map<String, Component> fieldsByKey = new HashMap<>();

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
    private final TextField website = new TextField();
    private final Checkbox consentAccepted = new Checkbox();
    private final Div stepOne = new Div();
    private final Div stepTwo = new Div();
    private final Paragraph consentError = new Paragraph();
    private ConsentDocument consent;

    public JoinView(MembershipService membership, @Value("${clientclub.club-mailbox}") String clubMailbox) {
        this.membership = membership;
        this.language = Language.of(VaadinSession.getCurrent().getLocale());
        setMaxWidth("760px");
        getStyle().set("margin", "0 auto");
        setPadding(true);

        HorizontalLayout top = new HorizontalLayout(new H1(getTranslation("join.title")), new LanguageSwitch());
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        add(top, new Paragraph(getTranslation("join.intro")));
        // A plain download, not a route: the PDF comes from QuestionnairePdfController.
        Anchor pdf = new Anchor("join/questionnaire.pdf?lang=" + language.code(),
                getTranslation("join.pdf.link", clubMailbox));
        pdf.setRouterIgnore(true);
        pdf.getElement().setAttribute("download", true);
        pdf.setId("join-pdf");
        add(pdf);

        buildStepOne();
        buildStepTwo();
        stepOne.setWidthFull();
        stepTwo.setWidthFull();
        stepTwo.setVisible(false);
        add(stepOne, stepTwo);
    }

    private TextField text(QuestionnaireField field) {
        TextField f = new TextField();
        f.setMaxLength(field.maxLength());
        return f;
    }

    private void buildStepOne() {
        label(lastName, QuestionnaireField.LAST_NAME);
        label(firstName, QuestionnaireField.FIRST_NAME);
        label(patronymic, QuestionnaireField.PATRONYMIC);
        label(email, QuestionnaireField.EMAIL);
        email.setMaxLength(QuestionnaireField.EMAIL.maxLength());
        label(phone, QuestionnaireField.PHONE);
        phone.setPlaceholder("+7 900 123-45-67");
        label(birthDate, QuestionnaireField.BIRTH_DATE);
        birthDate.setLocale(language.locale());
        birthDate.setMax(membership.today());
        birthDate.setI18n(DatePickers.i18n(this));
        label(guardianEmail, QuestionnaireField.GUARDIAN_EMAIL);
        guardianEmail.setMaxLength(QuestionnaireField.GUARDIAN_EMAIL.maxLength());
        guardianEmail.setHelperText(getTranslation("join.guardian.help"));
        guardianEmail.setVisible(false);
        birthDate.addValueChangeListener(e -> guardianEmail.setVisible(isChild(e.getValue())));
        label(region, QuestionnaireField.REGION);
        region.setItems(membership.regions(language));
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
        ready.getElement().setAttribute("aria-label", getTranslation(QuestionnaireField.READY_FOR_INTERACTION.labelKey()));
        ready.setLabel(null);

        // The honeypot: off-screen and out of the tab order, so only a bot fills it in.
        website.setId("website");
        website.getElement().setAttribute("aria-hidden", "true");
        website.getElement().setAttribute("tabindex", "-1");
        website.getElement().setAttribute("autocomplete", "off");
        website.getStyle().set("position", "absolute").set("left", "-10000px").set("height", "1px").set("overflow", "hidden");

        FormLayout form = new FormLayout(lastName, firstName, patronymic, email, phone, birthDate, guardianEmail,
                region, town, postcode, interests, preferredLanguage, readyQuestion, ready);
        form.setWidthFull();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        form.setColspan(interests, 2);
        form.setColspan(readyQuestion, 2);
        form.setColspan(ready, 2);
        form.setColspan(guardianEmail, 2);

        Button next = new Button(getTranslation("join.next"), e -> showStep(2));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("join-next");
        stepOne.add(new H2(getTranslation("join.step1")), form, website, next);
    }

    private void buildStepTwo() {
        consent = membership.currentConsent(language);
        Div text = new Div();
        text.setText(consent.body());
        text.getStyle().set("white-space", "pre-line").set("max-height", "20em").set("overflow", "auto")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        text.setId("consent-text");
        consentAccepted.setLabel(getTranslation("join.consent.accept", consent.version()));
        consentAccepted.setId("consent-accept");
        consentError.getStyle().set("color", "var(--lumo-error-text-color)");
        consentError.setVisible(false);
        Button back = new Button(getTranslation("join.back"), e -> showStep(1));
        Button submit = new Button(getTranslation("join.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("join-submit");
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit.setEnabled(true));
        stepTwo.add(new H2(getTranslation("join.step2")), new Paragraph(consent.title()), text, consentAccepted,
                consentError, new HorizontalLayout(back, submit));
    }

    private void label(Component field, QuestionnaireField definition) {
        field.getElement().setProperty("label", getTranslation(definition.labelKey()));
        field.setId("field-" + definition.key());
        if (definition.required() && field instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
            hv.setRequiredIndicatorVisible(true);
        }
        fieldsByKey.put(definition.key(), field);
    }

    private boolean isChild(LocalDate date) {
        return date != null && !date.isAfter(membership.today())
                && date.plusYears(GUARDIAN_AGE).isAfter(membership.today());
    }

    private void showStep(int step) {
        stepOne.setVisible(step == 1);
        stepTwo.setVisible(step == 2);
    }

    private void submit() {
        Questionnaire questionnaire = new Questionnaire(lastName.getValue(), firstName.getValue(),
                patronymic.getValue(), email.getValue(), phone.getValue(), birthDate.getValue(),
                Optional.ofNullable(region.getValue()).map(Region::code).orElse(null), town.getValue(),
                postcode.getValue(), interests.getValue(), preferredLanguage.getValue(), ready.getValue(),
                guardianEmail.isVisible() ? guardianEmail.getValue() : null);
        String address = VaadinSession.getCurrent().getBrowser().getAddress();
        try {
            membership.submit(new Submission(questionnaire, consent.version(), consentAccepted.getValue(),
                    Channel.WEB, address, website.getValue()));
            showThanks(email.getValue());
        } catch (QuestionnaireRejected rejected) {
            showErrors(rejected.errors());
        }
    }

    private void showErrors(Map<String, String> errors) {
        fieldsByKey.forEach((key, field) -> {
            if (field instanceof HasValidation v) {
                String error = errors.get(key);
                v.setErrorMessage(error == null ? null : getTranslation(error));
                v.setInvalid(error != null);
            }
        });
        consentError.setText(errors.containsKey("consent") ? getTranslation(errors.get("consent")) : "");
        consentError.setVisible(errors.containsKey("consent"));
        if (errors.containsKey("form")) {
            Notification.show(getTranslation(errors.get("form"))).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        boolean fieldErrors = errors.keySet().stream().anyMatch(fieldsByKey::containsKey);
        if (fieldErrors) {
            showStep(1);
            Notification.show(getTranslation("join.errors")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showThanks(String address) {
        removeAll();
        add(new H1(getTranslation("join.thanks.title")));
        Paragraph text = new Paragraph(getTranslation("join.thanks.text", address));
        text.setId("join-thanks");
        add(text, new Anchor("join", getTranslation("join.again")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("join.title");
    }
}
