package org.clientclub.membership.process;

import org.clientclub.membership.internal.onboarding.LapsedApplications;
import org.springframework.stereotype.Component;

/** What ApplicationPurgeProcess.bpmn calls once a day ({@code ${applicationPurge.purgeLapsedApplications()}}). */
@Component("applicationPurge")
public class ApplicationPurgeGlue {

    private final LapsedApplications lapsed;

    public ApplicationPurgeGlue(LapsedApplications lapsed) {
        this.lapsed = lapsed;
    }

    public void purgeLapsedApplications() {
        lapsed.purge();
    }
}
