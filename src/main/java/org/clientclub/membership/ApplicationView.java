package org.clientclub.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.clientclub.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * A questionnaire exactly as submitted, with what became of it.
 *
 * @param mailRefusedAt when a daily mail quota kept its confirmation or guardian mail from being written, if ever
 */
public record ApplicationView(
        ApplicationId id,
        ApplicationStatus status,
        Channel channel,
        String lastName,
        String firstName,
        @Nullable String patronymic,
        String email,
        @Nullable String phone,
        LocalDate birthDate,
        String regionCode,
        String regionName,
        String town,
        String postcode,
        Set<Interest> interests,
        Language language,
        boolean readyForInteraction,
        @Nullable String guardianEmail,
        Instant submittedAt,
        @Nullable Instant confirmedAt,
        @Nullable Integer consentVersion,
        @Nullable Instant consentAcceptedAt,
        @Nullable Channel consentChannel,
        @Nullable MemberId memberId,
        @Nullable Instant mailRefusedAt) {

    /** The onboarding process that carries it. */
    public String businessKey() {
        return id.businessKey();
    }
}
