package org.clientclub.membership.internal.onboarding;

import org.clientclub.membership.ApplicationId;

/**
 * What the membership services ask of the onboarding process, implemented by its engine glue: the services stay
 * free of engine types, and the process package stays the only one that talks to the engine.
 */
public interface OnboardingProcess {

    void start(ApplicationId application, boolean guardianRequired, boolean readyForInteraction);

    /** @return false when no onboarding waits for this confirmation (it lapsed or was already confirmed) */
    boolean applicantConfirmed(ApplicationId application);

    /** @return false when no onboarding waits for the guardian any more */
    boolean guardianResponded(ApplicationId application, boolean consented);
}
