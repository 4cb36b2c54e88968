package org.clientclub.loyalty.process;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.clientclub.loyalty.internal.Ledger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What PointsAdjustmentProcess.bpmn calls: books the approved change once, named after the process instance. */
@Component("pointsAdjustment")
public class PointsAdjustmentGlue {

    private final Ledger ledger;
    private final HistoryService history;

    public PointsAdjustmentGlue(Ledger ledger, HistoryService history) {
        this.ledger = ledger;
        this.history = history;
    }

    @Transactional
    public void book(DelegateExecution execution) {
        long memberId = ((Number) execution.getVariable(PointsAdjustmentProcess.VAR_MEMBER_ID)).longValue();
        long points = ((Number) execution.getVariable(PointsAdjustmentProcess.VAR_POINTS)).longValue();
        String reason = (String) execution.getVariable(PointsAdjustmentProcess.VAR_REASON);
        String approvedBy = history.createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT).finished().list().stream()
                .map(HistoricTaskInstance::getAssignee).findFirst().orElse(null);
        ledger.book(memberId, Ledger.Kind.ADJUST, points, "adjustment:" + execution.getProcessInstanceId(), reason,
                approvedBy);
    }
}
