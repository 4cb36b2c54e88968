package org.clientclub.tasks;

import org.jspecify.annotations.Nullable;

/**
 * @param scope         whose tasks: {@link Scope#ALL} is mine plus my groups'
 * @param processKey    only tasks of this process definition, or null
 * @param text          part of the task name or business key, or null; shorter than {@link #SEARCH_MIN_LENGTH}, none
 */
public record InboxFilter(Scope scope, String processKey, String text, Sort sort) {

    /**
     * Fewer characters than this are no search: no trigram index finds them, so each would read every open task and
     * every business key, one per keystroke at a million tasks (docs/decisions/0039).
     */
    public static final int SEARCH_MIN_LENGTH = 3;

    /** The text searched for, trimmed; null when there is none or it is too short to search by. */
    public @Nullable String search() {
        return searchable(text);
    }

    /** The text trimmed, or null when it is too short to search by. */
    public static @Nullable String searchable(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.codePointCount(0, trimmed.length()) < SEARCH_MIN_LENGTH ? null : trimmed;
    }

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
