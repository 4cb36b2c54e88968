package org.clientclub.mail.internal.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clientclub.mail.OutboxEntry;
import org.clientclub.mail.OutboxId;
import org.clientclub.mail.OutboxStatus;
import org.clientclub.shared.LikePattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The outbox as staff see it: every message written, newest first, and sending a failed one again. */
@Component
public class OutboxLog {

    private final OutboxRepository outbox;
    private final Clock clock;

    public OutboxLog(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param status only messages that stand so; null for all */
    public List<OutboxEntry> search(String text, @Nullable OutboxStatus status, int offset, int limit) {
        PageRequest page = PageRequest.of(offset / limit, limit);
        List<OutboxMessage> found = text == null || text.isBlank()
                ? outbox.latest(status, page)
                : outbox.search(status == null ? null : status.name(), LikePattern.containing(text), page);
        return found.stream().map(m -> m.toEntry()).toList();
    }

    public void resend(OutboxId id) {
        outbox.findById(id.value()).orElseThrow().resend(clock.instant());
    }

    public long countFailedSince(Instant since) {
        return outbox.countFailedSince(since);
    }

    /** @return how many failed messages written since the time go out again */
    public int resendFailedSince(Instant since) {
        return outbox.resendFailedSince(since, clock.instant());
    }
}
