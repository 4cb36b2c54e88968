package org.clientclub.membership;

import java.time.LocalDate;
import java.util.Set;
import org.clientclub.shared.Language;

/**
 * A questionnaire as the applicant filled it, before validation: any field may be missing or nonsense.
 *
 * @param readyForInteraction the questionnaire's key question: yes makes the applicant a member
 */
public record Questionnaire(
        String lastName,
        String firstName,
        String patronymic,
        String email,
        String phone,
        LocalDate birthDate,
        String regionCode,
        String town,
        String postcode,
        Set<Interest> interests,
        Language language,
        Boolean readyForInteraction,
        String guardianEmail) {

    public Questionnaire {
        interests = interests == null ? Set.of() : Set.copyOf(interests);
    }
}
