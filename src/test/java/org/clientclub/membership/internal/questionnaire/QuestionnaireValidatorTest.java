package org.clientclub.membership.internal.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;

class QuestionnaireValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final QuestionnaireValidator validator = new QuestionnaireValidator(code -> code.equals("77"));

    @Test
    void trimsAndNormalisesAValidQuestionnaire() {
        Questionnaire q = TestQuestionnaires.adult("  Maria@Example.ORG ");
        ValidQuestionnaire valid = validator.validate(
                new Questionnaire(
                        "  Иванова   Петрова ",
                        q.firstName(),
                        " ",
                        q.email(),
                        q.phone(),
                        q.birthDate(),
                        q.regionCode(),
                        q.town(),
                        q.postcode(),
                        q.interests(),
                        q.language(),
                        true,
                        "guardian@example.org"),
                TODAY);

        assertThat(valid.lastName()).isEqualTo("Иванова Петрова");
        assertThat(valid.patronymic()).isNull();
        assertThat(valid.email().value()).isEqualTo("maria@example.org");
        assertThat(valid.guardianEmail()).as("adults need no guardian").isNull();
    }

    @Test
    void theFourteenthBirthdayEndsTheNeedForAGuardian() {
        Questionnaire q = TestQuestionnaires.adult("teen@example.org");
        Questionnaire fourteenToday = withBirthDate(q, TODAY.minusYears(14));
        Questionnaire fourteenTomorrow = withBirthDate(q, TODAY.minusYears(14).plusDays(1));

        assertThat(validator.validate(fourteenToday, TODAY)).isNotNull();
        assertThat(errors(fourteenTomorrow)).containsEntry("guardianEmail", "validation.guardian.required");
    }

    @Test
    void rejectsControlCharactersAndTextWithoutLetters() {
        Questionnaire q = TestQuestionnaires.adult("x@example.org");
        Questionnaire bad = new Questionnaire(
                "Ива\u0000нова",
                "12345",
                null,
                q.email(),
                null,
                q.birthDate(),
                q.regionCode(),
                "Мос\u202Eква",
                q.postcode(),
                q.interests(),
                q.language(),
                true,
                null);

        assertThat(errors(bad))
                .containsEntry("lastName", "validation.controlCharacters")
                .containsEntry("firstName", "validation.name")
                .containsEntry("town", "validation.controlCharacters");
    }

    @Test
    void judgesHugeValuesByLengthAlone() {
        Questionnaire q = TestQuestionnaires.adult("x@example.org");
        String huge = " ".repeat(5_000_000) + "Иван";
        assertThat(errors(new Questionnaire(
                        huge,
                        q.firstName(),
                        null,
                        q.email(),
                        null,
                        q.birthDate(),
                        q.regionCode(),
                        q.town(),
                        q.postcode(),
                        q.interests(),
                        q.language(),
                        true,
                        null)))
                .containsEntry("lastName", "validation.tooLong");
    }

    @Test
    void rejectsBirthDatesBefore1900() {
        assertThat(errors(withBirthDate(TestQuestionnaires.adult("x@example.org"), LocalDate.of(1899, 12, 31))))
                .containsEntry("birthDate", "validation.birthDate.tooEarly");
    }

    private Map<String, String> errors(Questionnaire q) {
        try {
            validator.validate(q, TODAY);
        } catch (QuestionnaireRejected e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + q);
    }

    private static Questionnaire withBirthDate(Questionnaire q, LocalDate birthDate) {
        return new Questionnaire(
                q.lastName(),
                q.firstName(),
                q.patronymic(),
                q.email(),
                q.phone(),
                birthDate,
                q.regionCode(),
                q.town(),
                q.postcode(),
                q.interests(),
                q.language(),
                q.readyForInteraction(),
                null);
    }
}
