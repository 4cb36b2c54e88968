package org.clientclub.membership.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.clientclub.membership.internal.LapsedApplications;
import org.springframework.stereotype.Component;

/** What ApplicationPurgeProcess.bpmn calls once a day. */
@Component("applicationPurge")
public class ApplicationPurgeGlue {

    private final LapsedApplications lapsed;

    public ApplicationPurgeGlue(LapsedApplications lapsed) {
        this.lapsed = lapsed;
    }

    public void purgeLapsedApplications(DelegateExecution execution) {
        lapsed.purge();
    }
}
