package org.clientclub.tasks;

/**
 * @param scope         whose tasks: {@link Scope#ALL} is mine plus my groups'
 * @param processKey    only tasks of this process definition, or null
 * @param text          part of the task name or business key, or null
 */
public record InboxFilter(Scope scope, String processKey, String text, Sort sort) {

    public enum Scope {
        ALL,
        MINE,
        UNASSIGNED
    }

    public enum Sort {
        DUE,
        CREATED,
        PRIORITY
    }

    public static InboxFilter defaults() {
        return new InboxFilter(Scope.ALL, null, null, Sort.CREATED);
    }
}
