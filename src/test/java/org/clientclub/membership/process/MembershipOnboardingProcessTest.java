package org.clientclub.membership.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.clientclub.membership.process.MembershipOnboardingProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HashMap;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.clientclub.membership.ApplicationId;
import org.clientclub.support.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of MembershipOnboardingProcess, with the glue mocked: the diagram's logic alone. */
@Deployment(resources = "processes/membership/MembershipOnboardingProcess.bpmn")
class MembershipOnboardingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.coveringAtLeast(1.0);

    private static final long APPLICATION = 41L;

    private final OnboardingGlue glue = mock(OnboardingGlue.class);

    @BeforeEach
    void registerGlue() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("onboarding", glue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void confirmedYesAnswerCreatesMemberAndSendsWelcome() {
        when(glue.registerMember(APPLICATION)).thenReturn("NEW");
        ProcessInstance pi = start(false, true);

        confirmAddress(pi);
        execute(job(TASK_REGISTER_MEMBER));
        execute(job(TASK_SEND_WELCOME));

        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        TASK_SEND_CONFIRMATION_REQUEST,
                        TASK_AWAIT_CONFIRMATION,
                        TASK_REGISTER_MEMBER,
                        TASK_SEND_WELCOME,
                        END_MEMBER_JOINED);
        assertThat(pi).variables().containsEntry(REGISTRATION.name(), "NEW");
        verify(glue).sendWelcome(eq(APPLICATION), any());
        verify(glue, never()).sendAlreadyMember(eq(APPLICATION), any());
    }

    @Test
    void confirmedNoAnswerKeepsQuestionnaireAsFeedback() {
        ProcessInstance pi = start(false, false);

        confirmAddress(pi);
        execute(job(TASK_KEEP_AS_FEEDBACK));

        assertThat(pi).isEnded().hasPassed(END_FEEDBACK_KEPT).hasNotPassed(TASK_REGISTER_MEMBER);
        verify(glue).keepAsFeedback(eq(APPLICATION), any());
    }

    @Test
    void childWhoseGuardianAgreesBecomesMember() {
        when(glue.registerMember(APPLICATION)).thenReturn("NEW");
        ProcessInstance pi = start(true, true);

        confirmAddress(pi);
        execute(job(TASK_SEND_GUARDIAN_REQUEST));
        assertThat(pi).isWaitingAt(TASK_AWAIT_GUARDIAN_CONSENT);
        guardianAnswers(pi, true);
        execute(job(TASK_REGISTER_MEMBER));
        execute(job(TASK_SEND_WELCOME));

        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        TASK_SEND_GUARDIAN_REQUEST,
                        TASK_AWAIT_GUARDIAN_CONSENT,
                        TASK_REGISTER_MEMBER,
                        END_MEMBER_JOINED);
        verify(glue).sendGuardianRequest(eq(APPLICATION), any());
    }

    @Test
    void childWhoseGuardianDeclinesIsToldAndNotRegistered() {
        ProcessInstance pi = start(true, true);

        confirmAddress(pi);
        execute(job(TASK_SEND_GUARDIAN_REQUEST));
        guardianAnswers(pi, false);
        execute(job(TASK_SEND_GUARDIAN_DECLINED));

        assertThat(pi).isEnded().hasPassed(END_GUARDIAN_DECLINED).hasNotPassed(TASK_REGISTER_MEMBER);
        verify(glue).sendGuardianDeclinedNotice(eq(APPLICATION), any());
    }

    @Test
    void childWhoseGuardianNeverAnswersLapsesAfterSevenDays() {
        ProcessInstance pi = start(true, true);
        confirmAddress(pi);
        execute(job(TASK_SEND_GUARDIAN_REQUEST));

        Job timer = job(TIMER_GUARDIAN_CONSENT_EXPIRED);
        assertDueAfter(timer, Duration.ofDays(7));
        execute(timer);
        execute(job("Task_LapseGuardianConsent"));

        assertThat(pi).isEnded().hasPassed("EndEvent_GuardianConsentLapsed").hasNotPassed(TASK_REGISTER_MEMBER);
        verify(glue).lapse(APPLICATION);
    }

    @Test
    void unconfirmedAddressGetsOneReminderAfterThreeDaysAndLapsesAfterSeven() {
        ProcessInstance pi = start(false, true);
        assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION_REQUEST);
        execute(job(TASK_SEND_CONFIRMATION_REQUEST));

        Job reminder = job(TIMER_REMINDER_DUE);
        assertDueAfter(reminder, Duration.ofDays(3));
        execute(reminder);
        execute(job(TASK_SEND_REMINDER));
        assertThat(pi).isWaitingAt(TASK_AWAIT_CONFIRMATION);
        verify(glue).sendReminder(eq(APPLICATION), any());

        Job expiry = job(TIMER_CONFIRMATION_EXPIRED);
        assertDueAfter(expiry, Duration.ofDays(7));
        execute(expiry);
        execute(job(TASK_LAPSE_APPLICATION));

        assertThat(pi).isEnded().hasPassed(END_APPLICATION_LAPSED).hasNotPassed(TASK_REGISTER_MEMBER);
        verify(glue).lapse(APPLICATION);
    }

    @Test
    void knownAddressWithSameDetailsOnlyGetsAlreadyMemberMail() {
        when(glue.registerMember(APPLICATION)).thenReturn("EXISTING_SAME");
        ProcessInstance pi = start(false, true);

        confirmAddress(pi);
        execute(job(TASK_REGISTER_MEMBER));
        execute(job(TASK_SEND_ALREADY_MEMBER));

        assertThat(pi)
                .isEnded()
                .hasPassed(END_ALREADY_MEMBER)
                .hasNotPassed(TASK_REVIEW_POSSIBLE_DUPLICATE, TASK_SEND_WELCOME);
        verify(glue).sendAlreadyMember(eq(APPLICATION), any());
    }

    @Test
    void knownAddressWithDifferentDetailsAsksStaffToReviewTheDuplicate() {
        when(glue.registerMember(APPLICATION)).thenReturn("EXISTING_DIFFERENT");
        ProcessInstance pi = start(false, true);

        confirmAddress(pi);
        execute(job(TASK_REGISTER_MEMBER));
        execute(job(TASK_SEND_ALREADY_MEMBER));

        assertThat(pi).isWaitingAt(TASK_REVIEW_POSSIBLE_DUPLICATE);
        assertThat(task()).hasCandidateGroup("CLUB_STAFF").hasFormKey(null);
        complete(task(), withVariables(DUPLICATE_DECISION.name(), UPDATE_MEMBER));
        execute(job(TASK_APPLY_DUPLICATE_REVIEW));

        assertThat(pi).isEnded().hasPassed(END_DUPLICATE_REVIEWED);
        verify(glue).sendAlreadyMember(eq(APPLICATION), any());
        verify(glue).applyDuplicateReview(APPLICATION, UPDATE_MEMBER);
        verify(glue, never()).sendWelcome(eq(APPLICATION), any());
    }

    private ProcessInstance start(boolean guardianRequired, boolean ready) {
        return runtimeService()
                .startProcessInstanceByKey(
                        PROCESS_ID,
                        "application-" + System.nanoTime(),
                        READY_FOR_INTERACTION.put(
                                GUARDIAN_REQUIRED.put(
                                        APPLICATION_ID.put(new HashMap<>(), ApplicationId.of(APPLICATION)),
                                        guardianRequired),
                                ready));
    }

    private void confirmAddress(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(TASK_SEND_CONFIRMATION_REQUEST);
        execute(job(TASK_SEND_CONFIRMATION_REQUEST));
        assertThat(pi).isWaitingAt(TASK_AWAIT_CONFIRMATION);
        verify(glue).sendConfirmationRequest(eq(APPLICATION), any());
        runtimeService()
                .createMessageCorrelation(MESSAGE_APPLICANT_CONFIRMED)
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
    }

    private void guardianAnswers(ProcessInstance pi, boolean consented) {
        runtimeService()
                .createMessageCorrelation(MESSAGE_GUARDIAN_RESPONDED)
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable(GUARDIAN_CONSENTED.name(), consented)
                .correlate();
    }

    private static void assertDueAfter(Job job, Duration duration) {
        long dueIn = job.getDuedate().getTime() - System.currentTimeMillis();
        org.assertj.core.api.Assertions.assertThat(dueIn)
                .isBetween(duration.minusMinutes(1).toMillis(), duration.toMillis());
    }
}
