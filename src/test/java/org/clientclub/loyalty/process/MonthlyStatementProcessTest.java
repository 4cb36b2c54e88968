package org.clientclub.loyalty.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
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

/** The monthly statement run: started by a timer, it sends the statements. */
@Deployment(resources = "processes/loyalty/MonthlyStatementProcess.bpmn")
class MonthlyStatementProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.coveringAtLeast(1.0);

    private final MonthlyStatementGlue glue = mock(MonthlyStatementGlue.class);

    @BeforeEach
    void registerGlue() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("monthlyStatement", glue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aTimerStartsItAndItSendsTheStatements() {
        assertThat(managementService()
                        .createJobQuery()
                        .processDefinitionKey("MonthlyStatementProcess")
                        .timers()
                        .count())
                .isEqualTo(1);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("MonthlyStatementProcess");

        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_SendStatements");
        execute(job("Task_SendStatements"));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_StatementsSent");
        verify(glue).send();
    }
}
