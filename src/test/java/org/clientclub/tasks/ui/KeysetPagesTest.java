package org.clientclub.tasks.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.clientclub.tasks.InboxCursor;
import org.clientclub.tasks.InboxFilter;
import org.clientclub.tasks.InboxService;
import org.clientclub.tasks.InboxTask;
import org.junit.jupiter.api.Test;

/** The grid's offsets become keyset pages after the last task the page before ended with. */
class KeysetPagesTest {

    private final InboxService inbox = mock(InboxService.class);
    private final InboxFilter filter = InboxFilter.defaults();
    private final KeysetPages pages = new KeysetPages(inbox, filter);

    @Test
    void theNextPageIsAskedForAfterTheLastTaskOfThePageBefore() {
        List<InboxTask> first = tasks(0, 50);
        List<InboxTask> second = tasks(50, 50);
        when(inbox.tasks(eq(filter), isNull(), eq(0), eq(50))).thenReturn(first);
        when(inbox.tasks(filter, InboxCursor.after(first.get(49)), 0, 50)).thenReturn(second);

        assertThat(pages.fetch(0, 50)).isEqualTo(first);
        assertThat(pages.fetch(50, 50)).isEqualTo(second);
    }

    @Test
    void anOffsetNotReachedYetSkipsFromTheNearestPageEndBeforeIt() {
        List<InboxTask> first = tasks(0, 50);
        when(inbox.tasks(eq(filter), isNull(), eq(0), eq(50))).thenReturn(first);
        when(inbox.tasks(eq(filter), any(InboxCursor.class), anyInt(), anyInt()))
                .thenReturn(List.of());
        pages.fetch(0, 50);

        pages.fetch(200, 50);

        verify(inbox).tasks(filter, InboxCursor.after(first.get(49)), 150, 50);
    }

    @Test
    void anOffsetBeforeAnyPageEndIsAnOffsetFromTheStart() {
        when(inbox.tasks(eq(filter), isNull(), anyInt(), anyInt())).thenReturn(List.of());

        pages.fetch(30, 50);

        verify(inbox).tasks(filter, null, 30, 50);
    }

    private static List<InboxTask> tasks(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> new InboxTask(
                        "task-" + i,
                        "Задача",
                        "Task_X",
                        "Process",
                        "Process",
                        "key-" + i,
                        null,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                        null,
                        50,
                        null,
                        null))
                .toList();
    }
}
