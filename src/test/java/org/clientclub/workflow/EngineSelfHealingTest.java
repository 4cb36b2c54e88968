package org.clientclub.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine heals itself: a failing job of a diagram without its own retry cycle is tried again later with
 * growing pauses and raises an incident after the last try; ended instances past their history time to live are
 * deleted by the history cleanup, which is scheduled in its batch window.
 */
@SpringBootTest
class EngineSelfHealingTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void aFailingJobIsTriedAgainLaterWithBackOffThenRaisesAnIncident() {
        String key = "selfHealingFailingJob";
        deploy(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("fails")
                .camundaAsyncBefore()
                .camundaExpression("${noSuchBean.call()}")
                .endEvent()
                .done());
        String instance = runtime.startProcessInstanceByKey(key).getId();

        // The job executor runs it once; the next try is a minute away, not at once.
        Job failed =
                await().atMost(Duration.ofSeconds(20)).until(() -> job(instance), j -> j.getExceptionMessage() != null);
        Instant firstFailure = Instant.now();
        assertThat(failed.getRetries()).as("five pauses after the first try").isEqualTo(5);
        assertThat(failed.getDuedate().toInstant())
                .isAfter(firstFailure.plusSeconds(50))
                .isBefore(firstFailure.plusSeconds(70));
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count())
                .isZero();

        List<Duration> pauses = new ArrayList<>();
        pauses.add(Duration.between(firstFailure, failed.getDuedate().toInstant()));
        while (job(instance).getRetries() > 0) {
            String jobId = job(instance).getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
            Instant now = Instant.now();
            Job after = job(instance);
            if (after.getRetries() > 0) {
                pauses.add(Duration.between(now, after.getDuedate().toInstant()));
            }
        }
        assertThat(pauses).extracting(d -> Math.round(d.toSeconds() / 60.0)).containsExactly(1L, 5L, 15L, 60L, 240L);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count())
                .as("an incident after the last try")
                .isEqualTo(1);
    }

    @Test
    void aDiagramsOwnRetryCycleStillWins() {
        String key = "selfHealingOwnCycle";
        deploy(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("fails")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R10/PT1M")
                .camundaExpression("${noSuchBean.call()}")
                .endEvent()
                .done());
        String instance = runtime.startProcessInstanceByKey(key).getId();

        Job failed =
                await().atMost(Duration.ofSeconds(20)).until(() -> job(instance), j -> j.getExceptionMessage() != null);
        assertThat(failed.getRetries()).isEqualTo(9);
    }

    @Test
    void aFourEyesRefusalRaisesItsIncidentAtOnce() {
        String key = "selfHealingRefused";
        deploy(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("refused")
                .camundaAsyncBefore()
                .camundaClass(Refusing.class)
                .endEvent()
                .done());
        String instance = runtime.startProcessInstanceByKey(key).getId();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> runtime.createIncidentQuery()
                                .processInstanceId(instance)
                                .count()
                        == 1);
        assertThat(job(instance).getRetries()).isZero();
    }

    /** Refuses as the four-eyes listener does, wrapped as the engine wraps it. */
    public static class Refusing implements org.camunda.bpm.engine.delegate.JavaDelegate {
        @Override
        public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            throw new org.camunda.bpm.engine.ProcessEngineException(
                    "refused", new FourEyesRefused(FourEyesRefused.Reason.values()[0], "approve"));
        }
    }

    @Test
    void historyCleanupIsScheduledInItsBatchWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getFailedJobRetryTimeCycle()).isEqualTo("PT1M,PT5M,PT15M,PT1H,PT4H");
        assertThat(history.findHistoryCleanupJobs())
                .as("created when the engine started")
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    }

    @Test
    void anEndedInstancePastItsTimeToLiveIsDeletedByTheCleanup() {
        String expiredKey = "selfHealingExpired";
        String keptKey = "selfHealingKept";
        deploy(Bpmn.createExecutableProcess(expiredKey)
                .camundaHistoryTimeToLive(0)
                .startEvent()
                .endEvent()
                .done());
        deploy(Bpmn.createExecutableProcess(keptKey)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .endEvent()
                .done());
        String expired = runtime.startProcessInstanceByKey(expiredKey).getId();
        String kept = runtime.startProcessInstanceByKey(keptKey).getId();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(expired)
                        .singleResult()
                        .getRemovalTime())
                .isBeforeOrEqualTo(new Date());

        history.cleanUpHistoryAsync(true);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(expired)
                                .count()
                        == 0);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(kept)
                        .count())
                .as("an instance within its time to live stays")
                .isEqualTo(1);
    }

    private Job job(String instance) {
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    private void deploy(BpmnModelInstance model) {
        String key = model.getDefinitions()
                .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                .iterator()
                .next()
                .getId();
        deployments.add(repository
                .createDeployment()
                .addModelInstance(key + ".bpmn", model)
                .deploy()
                .getId());
    }
}
