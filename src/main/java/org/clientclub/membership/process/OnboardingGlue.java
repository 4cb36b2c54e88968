package org.clientclub.membership.process;

import static org.clientclub.membership.process.MembershipOnboardingProcess.UPDATE_MEMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.clientclub.membership.ApplicationId;
import org.clientclub.membership.internal.onboarding.OnboardingService;
import org.springframework.stereotype.Component;

/**
 * What MembershipOnboardingProcess.bpmn calls ({@code ${onboarding.sendWelcome(applicationId, execution)}}): the
 * diagram passes the application id; the execution is there only to build the idempotency key of a step that
 * sends mail, from the process instance and the activity.
 */
@Component("onboarding")
public class OnboardingGlue {

    private final OnboardingService service;

    public OnboardingGlue(OnboardingService service) {
        this.service = service;
    }

    public void sendConfirmationRequest(long applicationId, DelegateExecution execution) {
        service.sendConfirmationRequest(ApplicationId.of(applicationId), key(execution));
    }

    public void sendReminder(long applicationId, DelegateExecution execution) {
        service.sendReminder(ApplicationId.of(applicationId), key(execution));
    }

    public void lapse(long applicationId) {
        service.lapse(ApplicationId.of(applicationId));
    }

    public void sendGuardianRequest(long applicationId, DelegateExecution execution) {
        service.sendGuardianRequest(ApplicationId.of(applicationId), key(execution));
    }

    public void sendGuardianDeclinedNotice(long applicationId, DelegateExecution execution) {
        service.sendGuardianDeclinedNotice(ApplicationId.of(applicationId), key(execution));
    }

    public void keepAsFeedback(long applicationId, DelegateExecution execution) {
        service.keepAsFeedback(ApplicationId.of(applicationId), key(execution));
    }

    /** @return the outcome's name, which the process keeps in {@link MembershipOnboardingProcess#REGISTRATION} */
    public String registerMember(long applicationId) {
        return service.registerMember(ApplicationId.of(applicationId)).name();
    }

    public void sendWelcome(long applicationId, DelegateExecution execution) {
        service.sendWelcome(ApplicationId.of(applicationId), key(execution));
    }

    public void sendAlreadyMember(long applicationId, DelegateExecution execution) {
        service.sendAlreadyMember(ApplicationId.of(applicationId), key(execution));
    }

    public void applyDuplicateReview(long applicationId, String duplicateDecision) {
        if (UPDATE_MEMBER.equals(duplicateDecision)) {
            service.takeNewerDetails(ApplicationId.of(applicationId));
        }
    }

    private static String key(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    }
}
