package org.clientclub.mail.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.shared.db.RateCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a message fetched from the club mailbox, raw, and announces it in the same transaction. The reader
 * marks the message done on the server only after this commits; a message stored before (same Message-ID, or
 * the same bytes when it has none) is not stored or announced again. A sender past its daily allowance is stored
 * (staff see it) but not announced, so nobody parses or answers it.
 */
@Component
public class InboundStore {

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    private final JdbcClient jdbc;
    private final InboundParser parser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateCounters counters;
    private final int perSenderPerDay;

    public InboundStore(JdbcClient jdbc, InboundParser parser, ApplicationEventPublisher events, Clock clock,
                        RateCounters counters,
                        @Value("${clientclub.mailbox.max-messages-per-sender-per-day:20}") int perSenderPerDay) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.events = events;
        this.clock = clock;
        this.counters = counters;
        this.perSenderPerDay = perSenderPerDay;
    }

    /**
     * @param size      the message's size on the server
     * @param truncated whether {@code raw} holds only the first part of it (over the storage limit)
     * @return the new row's id; empty when the message was stored before
     */
    @Transactional
    public Optional<Long> store(byte[] raw, long size, boolean truncated) {
        InboundMessage parsed = parser.parse(raw);
        String key = parsed.messageId() != null && !parsed.messageId().isBlank()
                ? "mid:" + clip(parsed.messageId(), 290) : "sha256:" + sha256(raw);
        String names = parsed.attachments().stream().map(InboundAttachment::fileName)
                .collect(Collectors.joining(", "));
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO mail_inbound (dedupe_key, message_id, sender, subject, attachment_names, received_at,
                                                  size, raw, raw_truncated, outcome)
                        VALUES (:key, :mid, :sender, :subject, :names, :now, :size, :raw, :truncated, :outcome)
                        ON CONFLICT (dedupe_key) DO NOTHING
                        RETURNING id""")
                .param("key", key)
                .param("mid", clip(parsed.messageId(), 998))
                .param("sender", clip(parsed.from(), 320))
                .param("subject", clip(parsed.subject(), 1000))
                .param("names", clip(names, 2000))
                .param("now", Timestamp.from(clock.instant()))
                .param("size", size)
                .param("raw", raw)
                .param("truncated", truncated)
                .param("outcome", InboundOutcome.RECEIVED.name())
                .query(Long.class).optional();
        if (id.isEmpty()) {
            log.info("Club mailbox: {} was stored before; not handled again", key);
            return id;
        }
        String sender = parsed.from() == null ? "none" : clip(parsed.from(), 320).toLowerCase(Locale.ROOT);
        if (!counters.tryAcquire("inbound:" + sender, Duration.ofDays(1), perSenderPerDay)) {
            jdbc.sql("UPDATE mail_inbound SET outcome = :outcome, reason = :reason, processed_at = :now WHERE id = :id")
                    .param("outcome", InboundOutcome.IGNORED.name()).param("reason", "tooManyFromSender")
                    .param("now", Timestamp.from(clock.instant())).param("id", id.get()).update();
            log.info("Club mailbox: message {} kept but not handled, its sender sent over {} today", id.get(),
                    perSenderPerDay);
            return id;
        }
        events.publishEvent(new InboundMailReceived(id.get(), false));
        return id;
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        // PostgreSQL refuses NUL in text; hostile headers carry it.
        String clean = value.replace('\u0000', ' ');
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
