package org.clientclub.tasks.ui;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clientclub.tasks.InboxCursor;
import org.clientclub.tasks.InboxFilter;
import org.clientclub.tasks.InboxService;
import org.clientclub.tasks.InboxTask;

/**
 * Turns the grid's offsets into keyset pages: remembers where each page it fetched ended and asks for the next one
 * after that task, so scrolling on reads one index range per page. An offset it has not reached (a jump far down)
 * starts from the nearest page end before it and skips the rest. One per filter: a new filter starts afresh.
 */
final class KeysetPages {

    private final InboxService inbox;
    private final InboxFilter filter;
    /** Offset of the row after the cursor → the cursor (the last task before that offset). */
    private final TreeMap<Integer, InboxCursor> ends = new TreeMap<>();

    KeysetPages(InboxService inbox, InboxFilter filter) {
        this.inbox = inbox;
        this.filter = filter;
    }

    Stream<InboxTask> fetch(int offset, int limit) {
        Map.Entry<Integer, InboxCursor> start = ends.floorEntry(offset);
        List<InboxTask> page = start == null
                ? inbox.tasks(filter, null, offset, limit)
                : inbox.tasks(filter, start.getValue(), offset - start.getKey(), limit);
        if (!page.isEmpty()) {
            ends.put(offset + page.size(), InboxCursor.after(page.get(page.size() - 1)));
        }
        return page.stream();
    }
}
