package org.clientclub.loyalty.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.clientclub.loyalty.process.PointsExpiryProcess.*;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.clientclub.support.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** The nightly expiry: a timer starts it; points expire first, then members are warned. */
@Deployment(resources = "processes/loyalty/PointsExpiryProcess.bpmn")
class PointsExpiryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.coveringAtLeast(1.0);

    private final PointsExpiryGlue glue = mock(PointsExpiryGlue.class);

    @BeforeEach
    void registerGlue() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("pointsExpiry", glue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aTimerStartsTheRunEveryNight() {
        assertThat(managementService()
                        .createJobQuery()
                        .processDefinitionKey(PROCESS_ID)
                        .timers()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void pointsExpireBeforeMembersAreWarned() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID);

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_EXPIRE_POINTS);
        execute(job(TASK_EXPIRE_POINTS));
        execute(job(TASK_WARN_MEMBERS));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EXPIRY_DONE);
        InOrder order = inOrder(glue);
        order.verify(glue).expireDuePoints();
        order.verify(glue).warnMembers();
    }
}
