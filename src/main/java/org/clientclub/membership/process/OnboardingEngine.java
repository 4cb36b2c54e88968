package org.clientclub.membership.process;

import static org.clientclub.membership.process.MembershipOnboardingProcess.MESSAGE_APPLICANT_CONFIRMED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.MESSAGE_GUARDIAN_RESPONDED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.PROCESS_ID;
import static org.clientclub.membership.process.MembershipOnboardingProcess.VAR_APPLICATION_ID;
import static org.clientclub.membership.process.MembershipOnboardingProcess.VAR_GUARDIAN_CONSENTED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.VAR_GUARDIAN_REQUIRED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.VAR_READY_FOR_INTERACTION;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts onboarding and delivers members' answers to it; the service calls this inside its transaction. */
@Component
public class OnboardingEngine {

    private final RuntimeService runtime;

    OnboardingEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(String businessKey, long applicationId, boolean guardianRequired, boolean readyForInteraction) {
        runtime.startProcessInstanceByKey(
                PROCESS_ID,
                businessKey,
                Map.of(
                        VAR_APPLICATION_ID, applicationId,
                        VAR_GUARDIAN_REQUIRED, guardianRequired,
                        VAR_READY_FOR_INTERACTION, readyForInteraction));
    }

    /** @return false when no onboarding waits for this confirmation (it lapsed or was already confirmed) */
    public boolean applicantConfirmed(String businessKey) {
        return !runtime.createMessageCorrelation(MESSAGE_APPLICANT_CONFIRMED)
                .processInstanceBusinessKey(businessKey)
                .correlateAllWithResult()
                .isEmpty();
    }

    /** @return false when no onboarding waits for the guardian any more */
    public boolean guardianResponded(String businessKey, boolean consented) {
        return !runtime.createMessageCorrelation(MESSAGE_GUARDIAN_RESPONDED)
                .processInstanceBusinessKey(businessKey)
                .setVariable(VAR_GUARDIAN_CONSENTED, consented)
                .correlateAllWithResult()
                .isEmpty();
    }
}
