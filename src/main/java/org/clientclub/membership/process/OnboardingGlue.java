package org.clientclub.membership.process;

import static org.clientclub.membership.process.MembershipOnboardingProcess.VAR_APPLICATION_ID;
import static org.clientclub.membership.process.MembershipOnboardingProcess.VAR_DUPLICATE_DECISION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.clientclub.membership.internal.OnboardingService;
import org.springframework.stereotype.Component;

/**
 * What MembershipOnboardingProcess.bpmn calls ({@code ${onboarding.sendWelcome(execution)}}): it reads the
 * application id, builds the idempotency key from the process instance and the activity, and calls the service.
 */
@Component("onboarding")
public class OnboardingGlue {

    private final OnboardingService service;

    public OnboardingGlue(OnboardingService service) {
        this.service = service;
    }

    public void sendConfirmationRequest(DelegateExecution execution) {
        service.sendConfirmationRequest(applicationId(execution), key(execution));
    }

    public void sendReminder(DelegateExecution execution) {
        service.sendReminder(applicationId(execution), key(execution));
    }

    public void lapse(DelegateExecution execution) {
        service.lapse(applicationId(execution));
    }

    public void sendGuardianRequest(DelegateExecution execution) {
        service.sendGuardianRequest(applicationId(execution), key(execution));
    }

    public void sendGuardianDeclinedNotice(DelegateExecution execution) {
        service.sendGuardianDeclinedNotice(applicationId(execution), key(execution));
    }

    public void keepAsFeedback(DelegateExecution execution) {
        service.keepAsFeedback(applicationId(execution), key(execution));
    }

    /** @return the outcome's name, which the process keeps in the variable {@code registration} */
    public String registerMember(DelegateExecution execution) {
        return service.registerMember(applicationId(execution)).name();
    }

    public void sendWelcome(DelegateExecution execution) {
        service.sendWelcome(applicationId(execution), key(execution));
    }

    public void sendAlreadyMember(DelegateExecution execution) {
        service.sendAlreadyMember(applicationId(execution), key(execution));
    }

    public void applyDuplicateReview(DelegateExecution execution) {
        service.applyDuplicateReview(applicationId(execution), (String) execution.getVariable(VAR_DUPLICATE_DECISION));
    }

    private static long applicationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_APPLICATION_ID)).longValue();
    }

    private static String key(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    }
}
