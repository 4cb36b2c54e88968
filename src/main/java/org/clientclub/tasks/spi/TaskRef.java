package org.clientclub.tasks.spi;

/** Which task a page shows, in terms a module understands. */
public record TaskRef(String taskId, String taskDefinitionKey, String processDefinitionKey, String businessKey) {}
