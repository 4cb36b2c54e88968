package org.clientclub.tasks;

/**
 * The task is gone (someone completed it first) or the user may not work on it. The two are deliberately
 * not told apart to people outside the task's groups.
 */
public class TaskUnavailable extends RuntimeException {

    public TaskUnavailable(String taskId) {
        super("Task " + taskId + " is not available");
    }
}
