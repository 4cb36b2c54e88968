package org.clientclub.loyalty.process;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.clientclub.loyalty.EntryKind;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.loyalty.internal.AdjustmentRequests;
import org.clientclub.loyalty.internal.Ledger;
import org.clientclub.workflow.FourEyesRefused;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What PointsAdjustmentProcess.bpmn calls: books the approved change once, named after the process instance; a
 * reduction the balance no longer covers is the process's Error_InsufficientPoints. The change is the one recorded
 * with the request, and the approver is whoever completed the approval; without a colleague's approval (an instance
 * moved past the task in Cockpit, an approval from before the engine checked four eyes) nothing is booked and the job
 * fails with the reason, for staff to see as an incident.
 */
@Component("pointsAdjustment")
public class PointsAdjustmentGlue {

    private final Ledger ledger;
    private final AdjustmentRequests requests;
    private final HistoryService history;

    public PointsAdjustmentGlue(Ledger ledger, AdjustmentRequests requests, HistoryService history) {
        this.ledger = ledger;
        this.requests = requests;
        this.history = history;
    }

    /**
     * The BpmnError takes the process's error path; it must not spoil the job's transaction on its way out.
     *
     * @param businessKey the request's business key
     * @param processInstanceId the approving instance, which names the booking
     */
    @Transactional(noRollbackFor = BpmnError.class)
    public void book(String businessKey, String processInstanceId) {
        AdjustmentRequests.Request request = requests.find(businessKey)
                .orElseThrow(() -> new IllegalStateException(
                        "No adjustment request recorded under business key " + businessKey + "; nothing is booked"));
        String approvedBy = history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT)
                .finished()
                .orderByHistoricTaskInstanceEndTime()
                .desc()
                .list()
                .stream()
                // a task cancelled by instance modification is finished too, but approved nothing
                .filter(task -> TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason()))
                .findFirst()
                .map(HistoricTaskInstance::getAssignee)
                .orElse(null);
        if (approvedBy == null) {
            throw new FourEyesRefused(
                    FourEyesRefused.Reason.NO_ASSIGNEE, PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT);
        }
        if (approvedBy.equals(request.requestedBy())) {
            throw new FourEyesRefused(
                    FourEyesRefused.Reason.REQUESTER, PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT);
        }
        try {
            ledger.book(
                    request.memberId(),
                    EntryKind.ADJUST,
                    request.points(),
                    SourceRef.adjustment(processInstanceId),
                    request.reason(),
                    approvedBy);
        } catch (InsufficientPoints e) {
            // Nothing was written: the check comes before the insert.
            throw new BpmnError(
                    PointsAdjustmentProcess.ERROR_INSUFFICIENT_POINTS,
                    "The balance is " + e.balance() + ", the adjustment takes " + (-request.points()));
        }
    }
}
