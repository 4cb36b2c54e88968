package org.clientclub.tasks.spi;

import org.jspecify.annotations.Nullable;

/** Which task a page shows, in terms a module understands. */
public record TaskRef(
        String taskId,
        String taskDefinitionKey,
        String processDefinitionKey,
        @Nullable String businessKey) {}
