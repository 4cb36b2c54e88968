package org.clientclub.loyalty.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.clientclub.loyalty.process.PointsAdjustmentProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.clientclub.support.ProcessTestEngine;
import org.clientclub.workflow.FourEyesRefused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of PointsAdjustmentProcess: approved and booked, rejected, or approved but no longer covered; and the
 * engine's four eyes on the approval, whoever completes it.
 */
@Deployment(resources = "processes/loyalty/PointsAdjustmentProcess.bpmn")
class PointsAdjustmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.coveringAtLeast(1.0);

    private final PointsAdjustmentGlue glue = mock(PointsAdjustmentGlue.class);

    @BeforeEach
    void registerGlue() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("pointsAdjustment", glue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anApprovedAdjustmentIsBooked() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(TASK_APPROVE_ADJUSTMENT);
        assertThat(task()).hasCandidateGroup("CLUB_MANAGER");

        approveAs("pavel", "yes");
        execute(job(TASK_BOOK_ADJUSTMENT));

        assertThat(pi).isEnded().hasPassed(END_ADJUSTMENT_BOOKED);
        verify(glue).book(any(), any());
    }

    @Test
    void aRejectedAdjustmentBooksNothing() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(TASK_APPROVE_ADJUSTMENT);
        approveAs("pavel", "no");

        assertThat(pi).isEnded().hasPassed(END_ADJUSTMENT_REJECTED).hasNotPassed(TASK_BOOK_ADJUSTMENT);
        verify(glue, never()).book(any(), any());
    }

    @Test
    void anApprovedReductionTheBalanceNoLongerCoversEndsWithoutBooking() {
        doThrow(new BpmnError(ERROR_INSUFFICIENT_POINTS)).when(glue).book(any(), any());
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(TASK_APPROVE_ADJUSTMENT);
        approveAs("pavel", "yes");
        execute(job(TASK_BOOK_ADJUSTMENT));

        assertThat(pi).isEnded().hasPassed(END_ADJUSTMENT_NOT_BOOKED).hasNotPassed(END_ADJUSTMENT_BOOKED);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        ProcessInstance pi = start();
        taskService().claim(task(pi).getId(), "irina");

        assertThatThrownBy(() -> complete(task(pi), withVariables(VAR_APPROVED, "yes")))
                .isInstanceOfSatisfying(
                        FourEyesRefused.class,
                        e -> Assertions.assertThat(e.reason()).isEqualTo(FourEyesRefused.Reason.REQUESTER));
        assertThat(pi).isWaitingAt(TASK_APPROVE_ADJUSTMENT);
    }

    @Test
    void anApprovalWithoutAnAssigneeIsRefusedWithItsReason() {
        ProcessInstance pi = start();

        assertThatThrownBy(() -> complete(task(pi), withVariables(VAR_APPROVED, "yes")))
                .isInstanceOfSatisfying(
                        FourEyesRefused.class,
                        e -> Assertions.assertThat(e.reason()).isEqualTo(FourEyesRefused.Reason.NO_ASSIGNEE))
                .hasMessageContaining(TASK_APPROVE_ADJUSTMENT);
        assertThat(pi).isWaitingAt(TASK_APPROVE_ADJUSTMENT);
        verify(glue, never()).book(any(), any());
    }

    @Test
    void aUserLoggedInToTheEngineCannotCompleteAColleaguesApproval() {
        ProcessInstance pi = start();
        taskService().claim(task(pi).getId(), "pavel");
        identityService().setAuthentication("irina", List.of("CLUB_MANAGER"));
        try {
            assertThatThrownBy(() -> complete(task(pi), withVariables(VAR_APPROVED, "yes")))
                    .isInstanceOfSatisfying(
                            FourEyesRefused.class,
                            e -> Assertions.assertThat(e.reason()).isEqualTo(FourEyesRefused.Reason.NOT_THE_ASSIGNEE));
        } finally {
            identityService().clearAuthentication();
        }
        assertThat(pi).isWaitingAt(TASK_APPROVE_ADJUSTMENT);
    }

    @Test
    void anApprovalWhoseRequesterWasRemovedIsRefused() {
        ProcessInstance pi = start();
        runtimeService().removeVariable(pi.getId(), REQUESTED_BY.name());
        taskService().claim(task(pi).getId(), "pavel");

        assertThatThrownBy(() -> complete(task(pi), withVariables(VAR_APPROVED, "yes")))
                .isInstanceOfSatisfying(
                        FourEyesRefused.class,
                        e -> Assertions.assertThat(e.reason()).isEqualTo(FourEyesRefused.Reason.NO_REQUESTER));
    }

    private static void approveAs(String username, String approved) {
        taskService().claim(task().getId(), username);
        complete(task(), withVariables(VAR_APPROVED, approved));
    }

    private static ProcessInstance start() {
        return runtimeService()
                .startProcessInstanceByKey(PROCESS_ID, "adjustment-test", REQUESTED_BY.put(new HashMap<>(), "irina"));
    }
}
