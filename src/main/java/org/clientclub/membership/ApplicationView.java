package org.clientclub.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A questionnaire exactly as submitted, with what became of it.
 *
 * @param mailRefusedAt when a daily mail quota kept its confirmation or guardian mail from being written, if ever
 */
public record ApplicationView(
        long id,
        String businessKey,
        String status,
        String channel,
        String lastName,
        String firstName,
        String patronymic,
        String email,
        String phone,
        LocalDate birthDate,
        String regionCode,
        String regionName,
        String town,
        String postcode,
        Set<Interest> interests,
        String language,
        boolean readyForInteraction,
        String guardianEmail,
        Instant submittedAt,
        Instant confirmedAt,
        Integer consentVersion,
        Instant consentAcceptedAt,
        String consentChannel,
        Long memberId,
        Instant mailRefusedAt) {}
