package org.clientclub.membership.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.clientclub.membership.process.ApplicationPurgeProcess.END_PURGE_DONE;
import static org.clientclub.membership.process.ApplicationPurgeProcess.PROCESS_ID;
import static org.clientclub.membership.process.ApplicationPurgeProcess.TASK_PURGE_LAPSED_APPLICATIONS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

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

/** The nightly purge of lapsed applications: an engine timer starts it, so one node of a cluster runs it. */
@Deployment(resources = "processes/membership/ApplicationPurgeProcess.bpmn")
class ApplicationPurgeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.coveringAtLeast(1.0);

    private final ApplicationPurgeGlue glue = mock(ApplicationPurgeGlue.class);

    @BeforeEach
    void registerGlue() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("applicationPurge", glue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aTimerStartsThePurgeEveryNight() {
        assertThat(managementService()
                        .createJobQuery()
                        .processDefinitionKey(PROCESS_ID)
                        .timers()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void thePurgeRunsAsAJobOfItsOwn() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID);

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_PURGE_LAPSED_APPLICATIONS);
        execute(job(TASK_PURGE_LAPSED_APPLICATIONS));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_PURGE_DONE);
        verify(glue).purgeLapsedApplications();
    }
}
