package org.clientclub.membership;

import java.util.Optional;

/**
 * A submitted questionnaire: the {@code membership_application} row's id. Its business key names the onboarding
 * process that carries it, so task pages find the questionnaire from the task.
 */
public record ApplicationId(long value) {

    private static final String BUSINESS_KEY_PREFIX = "application-";

    public ApplicationId {
        if (value <= 0) {
            throw new IllegalArgumentException("Not an application id: " + value);
        }
    }

    public static ApplicationId of(long value) {
        return new ApplicationId(value);
    }

    /** @return the application a business key made by {@link #businessKey()} names; empty for any other key */
    public static Optional<ApplicationId> fromBusinessKey(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
            return value > 0 ? Optional.of(of(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String businessKey() {
        return BUSINESS_KEY_PREFIX + value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
