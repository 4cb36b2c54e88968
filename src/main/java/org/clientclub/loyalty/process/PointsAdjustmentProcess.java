package org.clientclub.loyalty.process;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.clientclub.workflow.ProcessVariable;
import org.springframework.stereotype.Component;

/** processes/loyalty/PointsAdjustmentProcess.bpmn: its ids, and starting it. */
@Component
public class PointsAdjustmentProcess {

    public static final String PROCESS_ID = "PointsAdjustmentProcess";
    public static final String TASK_APPROVE_ADJUSTMENT = "Task_ApproveAdjustment";
    public static final String TASK_BOOK_ADJUSTMENT = "Task_BookAdjustment";
    public static final String END_ADJUSTMENT_BOOKED = "EndEvent_AdjustmentBooked";
    public static final String END_ADJUSTMENT_REJECTED = "EndEvent_AdjustmentRejected";
    public static final String END_ADJUSTMENT_NOT_BOOKED = "EndEvent_AdjustmentNotBooked";
    public static final String ERROR_INSUFFICIENT_POINTS = "Error_InsufficientPoints";
    /** Who asked: the engine's four-eyes check (the diagram's {@code fourEyesVariable}) keeps them from approving. */
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.ofString("requestedBy");
    /** Set by the approval form (forms/loyalty): {@code yes} or {@code no}. */
    public static final String VAR_APPROVED = "approved";

    private final RuntimeService runtime;

    PointsAdjustmentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts the approval of a request recorded under the returned business key. The process carries the requester
     * only, for the engine's four-eyes check; what is booked is read from the request (AdjustmentRequests).
     *
     * @return the business key of the request
     */
    public String start(String requestedBy) {
        String businessKey = "adjustment-" + UUID.randomUUID();
        runtime.startProcessInstanceByKey(
                PROCESS_ID, businessKey, REQUESTED_BY.put(Variables.createVariables(), requestedBy));
        return businessKey;
    }
}
