package org.clientclub.loyalty.process;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.internal.Ledger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What PointsAdjustmentProcess.bpmn calls: books the approved change once, named after the process instance; a
 * reduction the balance no longer covers is the process's Error_InsufficientPoints.
 */
@Component("pointsAdjustment")
public class PointsAdjustmentGlue {

    private final Ledger ledger;
    private final HistoryService history;

    public PointsAdjustmentGlue(Ledger ledger, HistoryService history) {
        this.ledger = ledger;
        this.history = history;
    }

    /** The BpmnError takes the process's error path; it must not spoil the job's transaction on its way out. */
    @Transactional(noRollbackFor = BpmnError.class)
    public void book(DelegateExecution execution) {
        long memberId = ((Number) execution.getVariable(PointsAdjustmentProcess.VAR_MEMBER_ID)).longValue();
        long points = ((Number) execution.getVariable(PointsAdjustmentProcess.VAR_POINTS)).longValue();
        String reason = (String) execution.getVariable(PointsAdjustmentProcess.VAR_REASON);
        String approvedBy = history.createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT).finished().list().stream()
                .map(HistoricTaskInstance::getAssignee).findFirst().orElse(null);
        try {
            ledger.book(memberId, Ledger.Kind.ADJUST, points, "adjustment:" + execution.getProcessInstanceId(), reason,
                    approvedBy);
        } catch (InsufficientPoints e) {
            // Nothing was written: the check comes before the insert.
            throw new BpmnError(PointsAdjustmentProcess.ERROR_INSUFFICIENT_POINTS,
                    "The balance is " + e.balance() + ", the adjustment takes " + (-points));
        }
    }
}
