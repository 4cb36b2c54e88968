package org.clientclub.membership.internal.questionnaire;

import java.time.LocalDate;
import java.util.Set;
import org.clientclub.membership.Interest;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;

/** A questionnaire that passed validation: trimmed, typed, within limits. */
public record ValidQuestionnaire(
        String lastName,
        String firstName,
        String patronymic,
        EmailAddress email,
        String phone,
        LocalDate birthDate,
        String regionCode,
        String town,
        String postcode,
        Set<Interest> interests,
        Language language,
        boolean readyForInteraction,
        EmailAddress guardianEmail) {}
