package org.clientclub.tasks;

import java.time.Instant;
import org.clientclub.tasks.spi.TaskRef;
import org.jspecify.annotations.Nullable;

/** A line of the inbox and the head of a task page. */
public record InboxTask(
        String id,
        String name,
        String taskDefinitionKey,
        String processDefinitionKey,
        String processName,
        @Nullable String businessKey,
        @Nullable String description,
        Instant created,
        @Nullable Instant due,
        int priority,
        @Nullable String assignee,
        @Nullable String formKey) {

    public TaskRef ref() {
        return new TaskRef(id, taskDefinitionKey, processDefinitionKey, businessKey);
    }
}
