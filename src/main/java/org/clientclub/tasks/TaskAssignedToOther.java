package org.clientclub.tasks;

/** A colleague holds the task; they must unclaim it before someone else completes it. */
public class TaskAssignedToOther extends RuntimeException {

    private final String assignee;

    public TaskAssignedToOther(String assignee) {
        super("Task is assigned to " + assignee);
        this.assignee = assignee;
    }

    public String assignee() {
        return assignee;
    }
}
