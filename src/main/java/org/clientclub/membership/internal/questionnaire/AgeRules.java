package org.clientclub.membership.internal.questionnaire;

import java.time.LocalDate;
import java.time.Period;

/**
 * Under 14 a child acts through a parent or guardian (Civil Code art. 28), so a guardian consents for them;
 * see docs/decisions/0003-age-rules.md.
 */
public final class AgeRules {

    public static final int GUARDIAN_CONSENT_BELOW_AGE = 14;
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private AgeRules() {}

    public static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    public static boolean needsGuardian(LocalDate birthDate, LocalDate today) {
        return age(birthDate, today) < GUARDIAN_CONSENT_BELOW_AGE;
    }
}
