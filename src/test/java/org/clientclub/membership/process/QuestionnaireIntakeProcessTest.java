package org.clientclub.membership.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.clientclub.membership.process.QuestionnaireIntakeProcess.*;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.clientclub.mail.InboundMailId;
import org.clientclub.support.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of QuestionnaireIntakeProcess: read at once, typed in by staff, refused by staff, rejected, ignored. */
@Deployment(resources = "processes/membership/QuestionnaireIntakeProcess.bpmn")
class QuestionnaireIntakeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.coveringAtLeast(1.0);

    private final IntakeGlue glue = mock(IntakeGlue.class);

    @BeforeEach
    void registerGlue() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("questionnaireIntake", glue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aReadableQuestionnaireEndsWithOnboardingStarted() {
        ProcessInstance pi = startReading("ONBOARDING_STARTED");

        assertThat(pi).isEnded().hasPassed(END_ONBOARDING_STARTED).hasNotPassed(TASK_SEND_REJECTION);
        verify(glue, never()).sendRejection(anyLong(), anyString());
    }

    @Test
    void anUnreadablePdfWaitsForStaffAndOnboardsWhatTheyTypedIn() {
        ProcessInstance pi = startReading("TRANSCRIBE");
        assertThat(pi).isWaitingAt(TASK_TRANSCRIBE_QUESTIONNAIRE);
        assertThat(task()).hasCandidateGroup("CLUB_STAFF");

        complete(task(), withVariables(TRANSCRIBED.name(), true));
        execute(job(TASK_START_ONBOARDING_FROM_TRANSCRIPTION));

        assertThat(pi).isEnded().hasPassed(END_TRANSCRIPTION_ONBOARDED);
        verify(glue).startOnboardingFromTranscription(7L);
        verify(glue, never()).sendRejection(anyLong(), anyString());
    }

    @Test
    void staffWhoCannotTypeItInHaveTheSenderAnswered() {
        ProcessInstance pi = startReading("TRANSCRIBE");
        complete(task(), withVariables(TRANSCRIBED.name(), false));
        execute(job(TASK_SEND_REJECTION));

        assertThat(pi)
                .isEnded()
                .hasPassed(END_QUESTIONNAIRE_REJECTED)
                .hasNotPassed(TASK_START_ONBOARDING_FROM_TRANSCRIPTION);
        verify(glue).sendRejection(anyLong(), anyString());
    }

    @Test
    void aRejectedMessageIsAnsweredInAJobOfItsOwn() {
        ProcessInstance pi = startReading("REJECTED");
        assertThat(pi).isWaitingAt(TASK_SEND_REJECTION);
        execute(job(TASK_SEND_REJECTION));

        assertThat(pi).isEnded().hasPassed(END_QUESTIONNAIRE_REJECTED);
    }

    @Test
    void aReadThatFindsNoFreeSlotIsTriedAgainAMinuteLaterWithoutAnIncident() {
        when(glue.read(anyLong())).thenThrow(new IllegalStateException("All 2 PDF reading slots stayed busy"));
        ProcessInstance pi = runtimeService()
                .startProcessInstanceByKey(
                        PROCESS_ID, businessKey(new InboundMailId(8)), Map.of(INBOUND_MAIL_ID.name(), 8L));
        assertThat(pi).isWaitingAt(TASK_READ_QUESTIONNAIRE);
        Date before = ClockUtil.getCurrentTime();

        assertThatThrownBy(() -> execute(job(TASK_READ_QUESTIONNAIRE))).hasStackTraceContaining("busy");

        Job retried = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        Assertions.assertThat(retried.getRetries()).isEqualTo(9);
        Assertions.assertThat(retried.getDuedate()).isAfterOrEqualTo(new Date(before.getTime() + 59_000));
        Assertions.assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
    }

    private ProcessInstance startReading(String outcome) {
        when(glue.read(anyLong())).thenReturn(outcome);
        ProcessInstance pi = runtimeService()
                .startProcessInstanceByKey(
                        PROCESS_ID, businessKey(new InboundMailId(7)), Map.of(INBOUND_MAIL_ID.name(), 7L));
        assertThat(pi).isWaitingAt(TASK_READ_QUESTIONNAIRE);
        execute(job(TASK_READ_QUESTIONNAIRE));
        return pi;
    }
}
