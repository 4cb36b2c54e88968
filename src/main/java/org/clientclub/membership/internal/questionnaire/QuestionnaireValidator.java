package org.clientclub.membership.internal.questionnaire;

import static org.clientclub.membership.QuestionnaireField.BIRTH_DATE;
import static org.clientclub.membership.QuestionnaireField.EMAIL;
import static org.clientclub.membership.QuestionnaireField.FIRST_NAME;
import static org.clientclub.membership.QuestionnaireField.GUARDIAN_EMAIL;
import static org.clientclub.membership.QuestionnaireField.LANGUAGE;
import static org.clientclub.membership.QuestionnaireField.LAST_NAME;
import static org.clientclub.membership.QuestionnaireField.PATRONYMIC;
import static org.clientclub.membership.QuestionnaireField.PHONE;
import static org.clientclub.membership.QuestionnaireField.POSTCODE;
import static org.clientclub.membership.QuestionnaireField.READY_FOR_INTERACTION;
import static org.clientclub.membership.QuestionnaireField.REGION;
import static org.clientclub.membership.QuestionnaireField.TOWN;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Postcode;

/**
 * Checks a questionnaire at the edge, whatever channel brought it. Every problem is reported against its field
 * as a message key, all at once, so a person fixes the form in one go. Text is not rejected for looking like
 * markup or SQL: it is stored as typed and escaped wherever it is shown.
 */
public class QuestionnaireValidator {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9 ()\\-]{7,25}");

    private final Predicate<String> regionExists;

    public QuestionnaireValidator(Predicate<String> regionExists) {
        this.regionExists = regionExists;
    }

    public ValidQuestionnaire validate(Questionnaire q, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String lastName = name(LAST_NAME, q.lastName(), errors);
        String firstName = name(FIRST_NAME, q.firstName(), errors);
        String patronymic = name(PATRONYMIC, q.patronymic(), errors);
        EmailAddress email = email(EMAIL, q.email(), errors);
        String phone = phone(q.phone(), errors);
        LocalDate birthDate = birthDate(q.birthDate(), today, errors);
        String region = text(REGION, q.regionCode(), errors);
        if (region != null && !regionExists.test(region)) {
            errors.put(REGION.key(), "validation.region.unknown");
            region = null;
        }
        String town = name(TOWN, q.town(), errors);
        String postcode = text(POSTCODE, q.postcode(), errors);
        if (postcode != null && !Postcode.isValid(postcode)) {
            errors.put(POSTCODE.key(), "validation.postcode");
        }
        if (q.language() == null) {
            errors.put(LANGUAGE.key(), "validation.required");
        }
        if (q.readyForInteraction() == null) {
            errors.put(READY_FOR_INTERACTION.key(), "validation.required");
        }
        EmailAddress guardian = null;
        if (birthDate != null && AgeRules.needsGuardian(birthDate, today)) {
            guardian = email(GUARDIAN_EMAIL, q.guardianEmail(), errors);
            if (guardian == null && !errors.containsKey(GUARDIAN_EMAIL.key())) {
                errors.put(GUARDIAN_EMAIL.key(), "validation.guardian.required");
            }
        }
        if (!errors.isEmpty()) {
            throw new QuestionnaireRejected(errors);
        }
        return new ValidQuestionnaire(
                lastName,
                firstName,
                patronymic,
                email,
                phone,
                birthDate,
                region,
                town,
                postcode,
                q.interests(),
                q.language(),
                q.readyForInteraction(),
                guardian);
    }

    /** Trimmed text within the field's limit; null when empty (and an error when the field is required). */
    private static String text(QuestionnaireField field, String raw, Map<String, String> errors) {
        if (raw != null && raw.length() > field.maxLength() * 4) {
            // Judge a huge value by its length alone: no trimming or matching of megabytes.
            errors.put(field.key(), "validation.tooLong");
            return null;
        }
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (field.required()) {
                errors.put(field.key(), "validation.required");
            }
            return null;
        }
        if (value.length() > field.maxLength()) {
            errors.put(field.key(), "validation.tooLong");
            return null;
        }
        if (CONTROL.matcher(value).find()) {
            errors.put(field.key(), "validation.controlCharacters");
            return null;
        }
        return value;
    }

    private static String name(QuestionnaireField field, String raw, Map<String, String> errors) {
        String value = text(field, raw, errors);
        if (value != null && !HAS_LETTER.matcher(value).find()) {
            errors.put(field.key(), "validation.name");
            return null;
        }
        return value == null ? null : value.replaceAll("\\s+", " ");
    }

    private static EmailAddress email(QuestionnaireField field, String raw, Map<String, String> errors) {
        String value = text(field, raw, errors);
        if (value == null) {
            return null;
        }
        if (!EmailAddress.isValid(value)) {
            errors.put(field.key(), "validation.email");
            return null;
        }
        return new EmailAddress(value);
    }

    private static String phone(String raw, Map<String, String> errors) {
        String value = text(PHONE, raw, errors);
        if (value == null) {
            return null;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (!PHONE_SHAPE.matcher(value).matches() || digits < 10 || digits > 15) {
            errors.put(PHONE.key(), "validation.phone");
            return null;
        }
        return value;
    }

    private static LocalDate birthDate(LocalDate value, LocalDate today, Map<String, String> errors) {
        if (value == null) {
            errors.put(BIRTH_DATE.key(), "validation.required");
            return null;
        }
        if (value.isAfter(today)) {
            errors.put(BIRTH_DATE.key(), "validation.birthDate.future");
            return null;
        }
        if (value.isBefore(AgeRules.EARLIEST_BIRTH_DATE)) {
            errors.put(BIRTH_DATE.key(), "validation.birthDate.tooEarly");
            return null;
        }
        return value;
    }
}
