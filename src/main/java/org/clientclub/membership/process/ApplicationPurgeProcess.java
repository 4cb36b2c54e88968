package org.clientclub.membership.process;

/** The ids of processes/membership/ApplicationPurgeProcess.bpmn. */
public final class ApplicationPurgeProcess {

    public static final String PROCESS_ID = "ApplicationPurgeProcess";
    public static final String TASK_PURGE_LAPSED_APPLICATIONS = "Task_PurgeLapsedApplications";
    public static final String END_PURGE_DONE = "EndEvent_PurgeDone";

    private ApplicationPurgeProcess() {}
}
