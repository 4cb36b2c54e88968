package org.clientclub.mail.internal.inbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.InboundResult;
import org.clientclub.mail.spi.InboundMailHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands a stored message to the first handler that claims it, and writes what became of a message: the one place
 * that sets {@code mail_inbound.outcome} after storing.
 */
@Component
public class InboundHandlers {

    /** Why a message nobody claimed is kept as ignored. */
    static final String UNCLAIMED = "mailbox.reason.unclaimed";

    private static final String REASON = "mailbox.reason.";

    private final ObjectProvider<InboundMailHandler> handlers;
    private final JdbcClient jdbc;
    private final Clock clock;

    InboundHandlers(ObjectProvider<InboundMailHandler> handlers, JdbcClient jdbc, Clock clock) {
        this.handlers = handlers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * In the caller's transaction: a refusal ({@link org.clientclub.mail.InboundMailRefused}) passes through. Mail
     * that must never be answered reaches no handler (decision 0020): a machine wrote it, or the club's server
     * found its sender forged. It is kept as ignored with why, so every handler is spared the same check.
     */
    public void announce(InboundMailReceived received) {
        InboundResult result = screened(received.message())
                .or(() -> handlers.orderedStream()
                        .map(handler -> handler.handle(received))
                        .flatMap(Optional::stream)
                        .findFirst())
                .orElse(InboundResult.ignored(UNCLAIMED));
        if (result.outcome() != InboundOutcome.RECEIVED) {
            record(received.id(), result.outcome(), result.reasonKey());
        }
    }

    /** Why mail nobody may answer is kept unhandled, or empty when a person wrote it under their own name. */
    static Optional<InboundResult> screened(InboundMessage message) {
        if (message.forgedSender()) {
            return Optional.of(InboundResult.ignored(REASON + "forgedSender"));
        }
        return Optional.ofNullable(
                        switch (message.automatic()) {
                            case NONE -> null;
                            case BOUNCE -> "bounce";
                            case AUTO_REPLY -> "autoReply";
                            case READ_RECEIPT -> "readReceipt";
                            case MAILING_LIST -> "mailingList";
                            case NO_REPLY -> "noReply";
                            case BULK -> "bulk";
                        })
                .map(reason -> InboundResult.ignored(REASON + reason));
    }

    public void record(InboundMailId id, InboundOutcome outcome, @Nullable String reasonKey) {
        jdbc.sql("UPDATE mail_inbound SET outcome = :outcome, reason = :reason, processed_at = :now WHERE id = :id")
                .param("outcome", outcome.name())
                .param("reason", reasonKey)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id.value())
                .update();
    }
}
