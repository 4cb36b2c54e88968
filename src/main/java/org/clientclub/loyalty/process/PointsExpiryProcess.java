package org.clientclub.loyalty.process;

/** The ids of processes/loyalty/PointsExpiryProcess.bpmn. */
public final class PointsExpiryProcess {

    public static final String PROCESS_ID = "PointsExpiryProcess";
    public static final String TASK_EXPIRE_POINTS = "Task_ExpirePoints";
    public static final String TASK_WARN_MEMBERS = "Task_WarnMembersOfExpiry";
    public static final String END_EXPIRY_DONE = "EndEvent_ExpiryDone";

    private PointsExpiryProcess() {}
}
