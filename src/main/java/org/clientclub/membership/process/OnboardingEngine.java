package org.clientclub.membership.process;

import static org.clientclub.membership.process.MembershipOnboardingProcess.APPLICATION_ID;
import static org.clientclub.membership.process.MembershipOnboardingProcess.GUARDIAN_CONSENTED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.GUARDIAN_REQUIRED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.MESSAGE_APPLICANT_CONFIRMED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.MESSAGE_GUARDIAN_RESPONDED;
import static org.clientclub.membership.process.MembershipOnboardingProcess.PROCESS_ID;
import static org.clientclub.membership.process.MembershipOnboardingProcess.READY_FOR_INTERACTION;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.clientclub.membership.ApplicationId;
import org.clientclub.membership.internal.onboarding.OnboardingProcess;
import org.springframework.stereotype.Component;

/** Starts onboarding and delivers members' answers to it; the service calls this inside its transaction. */
@Component
class OnboardingEngine implements OnboardingProcess {

    private final RuntimeService runtime;

    OnboardingEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(ApplicationId application, boolean guardianRequired, boolean readyForInteraction) {
        VariableMap variables = APPLICATION_ID.put(Variables.createVariables(), application);
        GUARDIAN_REQUIRED.put(variables, guardianRequired);
        READY_FOR_INTERACTION.put(variables, readyForInteraction);
        runtime.startProcessInstanceByKey(PROCESS_ID, application.businessKey(), variables);
    }

    @Override
    public boolean applicantConfirmed(ApplicationId application) {
        return !runtime.createMessageCorrelation(MESSAGE_APPLICANT_CONFIRMED)
                .processInstanceBusinessKey(application.businessKey())
                .correlateAllWithResult()
                .isEmpty();
    }

    @Override
    public boolean guardianResponded(ApplicationId application, boolean consented) {
        return !runtime.createMessageCorrelation(MESSAGE_GUARDIAN_RESPONDED)
                .processInstanceBusinessKey(application.businessKey())
                .setVariable(GUARDIAN_CONSENTED.name(), GUARDIAN_CONSENTED.typed(consented))
                .correlateAllWithResult()
                .isEmpty();
    }
}
