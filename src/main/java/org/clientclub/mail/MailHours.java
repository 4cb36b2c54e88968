package org.clientclub.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The mail of a run of whole hours from {@code from}, counted per hour: the outbox by where each mail stands now
 * (written in that hour), the club mailbox by what became of each message (received in that hour). Every list has one
 * entry per hour, zeros included, and every status and outcome has a list.
 */
public record MailHours(
        Instant from, int hours, Map<OutboxStatus, List<Long>> outbox, Map<InboundOutcome, List<Long>> inbound) {

    public MailHours {
        outbox = Map.copyOf(outbox);
        inbound = Map.copyOf(inbound);
    }

    /** Whether nothing at all was written or received in these hours. */
    public boolean isEmpty() {
        return outbox.values().stream().flatMap(List::stream).allMatch(n -> n == 0)
                && inbound.values().stream().flatMap(List::stream).allMatch(n -> n == 0);
    }
}
