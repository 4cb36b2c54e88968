package org.clientclub.membership.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import org.clientclub.membership.ApplicationView;
import org.clientclub.shared.ClubTime;

/** A questionnaire as submitted, read-only, every value escaped as text. */
class ApplicationPanel extends FormLayout {

    ApplicationPanel(ApplicationView a) {
        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        item("application.status", getTranslation("application.status." + a.status()));
        item("application.channel", getTranslation("channel." + a.channel()));
        item("questionnaire.field.lastName", a.lastName());
        item("questionnaire.field.firstName", a.firstName());
        item("questionnaire.field.patronymic", a.patronymic());
        item("questionnaire.field.email", a.email());
        item("questionnaire.field.phone", a.phone());
        item("questionnaire.field.birthDate", date.format(a.birthDate()));
        item("questionnaire.field.region", a.regionName());
        item("questionnaire.field.town", a.town());
        item("questionnaire.field.postcode", a.postcode());
        item(
                "questionnaire.field.interests",
                a.interests().stream()
                        .map(i -> getTranslation("interest." + i.name()))
                        .sorted()
                        .collect(Collectors.joining(", ")));
        item(
                "questionnaire.field.language",
                getTranslation("language." + a.language().code()));
        item(
                "questionnaire.field.readyForInteraction",
                getTranslation(a.readyForInteraction() ? "join.ready.yes" : "join.ready.no"));
        item("questionnaire.field.guardianEmail", a.guardianEmail());
        item("application.submitted", time.format(a.submittedAt()));
        item("application.confirmed", a.confirmedAt() == null ? null : time.format(a.confirmedAt()));
        if (a.mailRefusedAt() != null) {
            item("application.mailRefused", time.format(a.mailRefusedAt()));
        }
        item(
                "application.consent",
                a.consentVersion() == null
                        ? null
                        : getTranslation(
                                "application.consent.value",
                                a.consentVersion(),
                                time.format(a.consentAcceptedAt()),
                                getTranslation("channel." + a.consentChannel())));
    }

    private void item(String labelKey, String value) {
        addFormItem(new Span(value == null || value.isEmpty() ? "—" : value), getTranslation(labelKey));
    }
}
