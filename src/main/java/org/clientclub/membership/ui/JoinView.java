package org.clientclub.membership.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.clientclub.membership.Channel;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireRejected;
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

    private final transient MembershipService membership;
    private final Language language;
    private final TextField website = new TextField();
    private final Checkbox consentAccepted = new Checkbox();
    private final Div stepOne = new Div();
    private final Div stepTwo = new Div();
    private QuestionnaireFields fields;
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
        Anchor pdf = new Anchor(
                "join/questionnaire.pdf?lang=" + language.code(), getTranslation("join.pdf.link", clubMailbox));
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

    private void buildStepOne() {
        fields = new QuestionnaireFields(membership.today(), membership.regions(language), language);
        fields.birthDate().setI18n(DatePickers.i18n(this));

        // The honeypot: off-screen and out of the tab order, so only a bot fills it in.
        website.setId("website");
        website.getElement().setAttribute("aria-hidden", "true");
        website.getElement().setAttribute("tabindex", "-1");
        website.getElement().setAttribute("autocomplete", "off");
        website.getStyle()
                .set("position", "absolute")
                .set("left", "-10000px")
                .set("height", "1px")
                .set("overflow", "hidden");

        Button next = new Button(getTranslation("join.next"), e -> showStep(2));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("join-next");
        stepOne.add(new H2(getTranslation("join.step1")), fields, website, next);
    }

    private void buildStepTwo() {
        consent = membership.currentConsent(language);
        Div text = new Div();
        text.setText(consent.body());
        text.getStyle()
                .set("white-space", "pre-line")
                .set("max-height", "20em")
                .set("overflow", "auto")
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("padding", "var(--lumo-space-m)")
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
        stepTwo.add(
                new H2(getTranslation("join.step2")),
                new Paragraph(consent.title()),
                text,
                consentAccepted,
                consentError,
                new HorizontalLayout(back, submit));
    }

    private void showStep(int step) {
        stepOne.setVisible(step == 1);
        stepTwo.setVisible(step == 2);
    }

    private void submit() {
        Questionnaire questionnaire = fields.questionnaire();
        String address = VaadinSession.getCurrent().getBrowser().getAddress();
        try {
            membership.submit(new Submission(
                    questionnaire,
                    consent.version(),
                    consentAccepted.getValue(),
                    Channel.WEB,
                    address,
                    website.getValue()));
            showThanks(fields.email());
        } catch (QuestionnaireRejected rejected) {
            showErrors(rejected.errors());
        }
    }

    private void showErrors(Map<String, String> errors) {
        boolean fieldErrors = fields.showErrors(errors);
        consentError.setText(errors.containsKey("consent") ? getTranslation(errors.get("consent")) : "");
        consentError.setVisible(errors.containsKey("consent"));
        if (errors.containsKey("form")) {
            Notification.show(getTranslation(errors.get("form"))).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
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
