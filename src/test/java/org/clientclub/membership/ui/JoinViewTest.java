package org.clientclub.membership.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.clientclub.membership.Region;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public questionnaire, as an anonymous visitor uses it. */
class JoinViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousVisitorJoinsInTwoStepsAndIsToldToCheckTheirMail() {
        String email = TestQuestionnaires.newEmail();
        UI.getCurrent().navigate(JoinView.class);
        fillQuestionnaire(email, LocalDate.of(1980, 3, 3));

        _click(_get(Button.class, spec -> spec.withId("join-next")));
        _get(Checkbox.class, spec -> spec.withId("consent-accept")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("join-submit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("join-thanks")).getText())
                .contains(email);
        assertThat(applicationsFor(email)).isEqualTo(1);
    }

    @Test
    void withoutConsentTheQuestionnaireIsNotAcceptedAndTheVisitorIsTold() {
        String email = TestQuestionnaires.newEmail();
        UI.getCurrent().navigate(JoinView.class);
        fillQuestionnaire(email, LocalDate.of(1980, 3, 3));

        _click(_get(Button.class, spec -> spec.withId("join-next")));
        _click(_get(Button.class, spec -> spec.withId("join-submit")));

        Paragraph error = _get(
                Paragraph.class,
                spec -> spec.withText(
                        "Без согласия на обработку персональных данных мы не можем принять анкету. Отметьте согласие, чтобы продолжить."));
        assertThat(error.isVisible()).isTrue();
        assertThat(applicationsFor(email)).isZero();
    }

    @Test
    void fieldErrorsAreShownNextToTheFieldsOnStepOne() {
        UI.getCurrent().navigate(JoinView.class);
        fillQuestionnaire("not an address", LocalDate.now().plusYears(1));
        _get(TextField.class, spec -> spec.withId("field-postcode")).setValue("12");

        _click(_get(Button.class, spec -> spec.withId("join-next")));
        _get(Checkbox.class, spec -> spec.withId("consent-accept")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("join-submit")));

        EmailField email = _get(EmailField.class, spec -> spec.withId("field-email"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("адрес электронной почты");
        assertThat(_get(DatePicker.class, spec -> spec.withId("field-birthDate"))
                        .isInvalid())
                .isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("field-postcode")).getErrorMessage())
                .isEqualTo("Индекс состоит из шести цифр и не начинается с нуля");
        assertThat(_get(Button.class, spec -> spec.withId("join-next")).isVisible())
                .isTrue();
    }

    @Test
    void childrenAreAskedForTheirGuardiansAddress() {
        UI.getCurrent().navigate(JoinView.class);
        assertThat(_find(EmailField.class, spec -> spec.withId("field-guardianEmail")))
                .isEmpty();

        _get(DatePicker.class, spec -> spec.withId("field-birthDate"))
                .setValue(LocalDate.now().minusYears(9));

        assertThat(_find(EmailField.class, spec -> spec.withId("field-guardianEmail")))
                .hasSize(1);
    }

    @Test
    void aFilledHoneypotStoresNothingButLooksLikeSuccess() {
        String email = TestQuestionnaires.newEmail();
        UI.getCurrent().navigate(JoinView.class);
        fillQuestionnaire(email, LocalDate.of(1980, 3, 3));
        _get(TextField.class, spec -> spec.withId("website")).setValue("http://spam.example");

        _click(_get(Button.class, spec -> spec.withId("join-next")));
        _get(Checkbox.class, spec -> spec.withId("consent-accept")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("join-submit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("join-thanks")).isVisible())
                .isTrue();
        assertThat(applicationsFor(email)).isZero();
    }

    @SuppressWarnings("unchecked")
    private static void fillQuestionnaire(String email, LocalDate birthDate) {
        _get(TextField.class, spec -> spec.withId("field-lastName")).setValue("Смирнова");
        _get(TextField.class, spec -> spec.withId("field-firstName")).setValue("Ольга");
        _get(EmailField.class, spec -> spec.withId("field-email")).setValue(email);
        _get(DatePicker.class, spec -> spec.withId("field-birthDate")).setValue(birthDate);
        ComboBox<Region> region = _get(ComboBox.class, spec -> spec.withId("field-region"));
        region.setValue(region.getListDataView()
                .getItems()
                .filter(r -> r.code().equals("78"))
                .findFirst()
                .orElseThrow());
        _get(TextField.class, spec -> spec.withId("field-town")).setValue("Санкт-Петербург");
        _get(TextField.class, spec -> spec.withId("field-postcode")).setValue("190000");
        RadioButtonGroup<Boolean> ready =
                _get(RadioButtonGroup.class, spec -> spec.withId("field-readyForInteraction"));
        ready.setValue(true);
    }

    private long applicationsFor(String email) {
        return jdbc.sql("SELECT count(*) FROM membership_application WHERE email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }
}
