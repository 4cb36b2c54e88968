package org.clientclub.tasks;

import java.time.Instant;
import org.clientclub.tasks.spi.TaskRef;

/** A line of the inbox and the head of a task page. */
public record InboxTask(
        String id,
        String name,
        String taskDefinitionKey,
        String processDefinitionKey,
        String processName,
        String businessKey,
        String description,
        Instant created,
        Instant due,
        int priority,
        String assignee,
        String formKey) {

    public TaskRef ref() {
        return new TaskRef(id, taskDefinitionKey, processDefinitionKey, businessKey);
    }
}
