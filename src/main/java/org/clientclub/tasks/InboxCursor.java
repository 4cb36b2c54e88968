package org.clientclub.tasks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of the inbox ended: the last task shown, by the values every sort order reads. The next page starts
 * after it (keyset paging), so tasks that come or go meanwhile neither repeat nor get skipped.
 */
public record InboxCursor(String taskId, @Nullable Instant due, Instant created, int priority) {

    public static InboxCursor after(InboxTask task) {
        return new InboxCursor(task.id(), task.due(), task.created(), task.priority());
    }
}
