package org.clientclub.loyalty.process;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
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
    public static final String VAR_MEMBER_ID = "memberId";
    public static final String VAR_POINTS = "points";
    public static final String VAR_REASON = "reason";
    public static final String VAR_REQUESTED_BY = "requestedBy";
    public static final String VAR_APPROVED = "approved";

    private final RuntimeService runtime;

    PointsAdjustmentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** An adjustment waiting for approval, as its requester asked for it. */
    public record Request(long memberId, long points, String reason, String requestedBy) {
    }

    /** The request of a running adjustment process; empty when none runs under this business key. */
    public Optional<Request> request(String businessKey) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                        .processInstanceBusinessKey(businessKey).singleResult())
                .map(instance -> runtime.getVariables(instance.getId()))
                .map(variables -> new Request(((Number) variables.get(VAR_MEMBER_ID)).longValue(),
                        ((Number) variables.get(VAR_POINTS)).longValue(), (String) variables.get(VAR_REASON),
                        (String) variables.get(VAR_REQUESTED_BY)));
    }

    /** @return the business key of the request */
    public String start(long memberId, long points, String reason, String requestedBy) {
        String businessKey = "adjustment-" + java.util.UUID.randomUUID();
        runtime.startProcessInstanceByKey(PROCESS_ID, businessKey, Map.of(VAR_MEMBER_ID, memberId, VAR_POINTS, points,
                VAR_REASON, reason, VAR_REQUESTED_BY, requestedBy));
        return businessKey;
    }
}
