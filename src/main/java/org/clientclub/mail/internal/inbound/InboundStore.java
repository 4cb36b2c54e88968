package org.clientclub.mail.internal.inbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.internal.parse.InboundParser;
import org.clientclub.mail.internal.parse.RawHeaders;
import org.clientclub.shared.LogSafe;
import org.clientclub.shared.db.RateCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a message fetched from the club mailbox, raw, and announces it to its handlers, parsed, in the same
 * transaction. The reader marks the message done on the server only after this commits; a message stored before (the same Message-ID and
 * the same content, see {@link RawHeaders#contentSha256}) is not stored or announced again. A message that fails
 * to store is counted; after a few failures it is kept as {@link InboundOutcome#FAILED}, raw and with its error,
 * so that staff see it and the reader stops fetching it. A sender past its daily allowance is stored (staff see
 * it) but not announced, so no handler answers it.
 */
@Component
public class InboundStore {

    /** The reason (a message key) of a message kept as FAILED. */
    public static final String STORE_FAILED = "mailbox.reason.storeFailed";
    /** The reason of a message kept but not handed on: its sender is over the daily allowance. */
    public static final String TOO_MANY_FROM_SENDER = "mailbox.reason.tooManyFromSender";

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    private final JdbcClient jdbc;
    private final InboundParser parser;
    private final InboundHandlers handlers;
    private final Clock clock;
    private final int maxFailures;
    private final RateCounters counters;
    private final int perSenderPerDay;

    @Autowired
    public InboundStore(
            JdbcClient jdbc,
            InboundParser parser,
            InboundHandlers handlers,
            Clock clock,
            @Value("${clientclub.mailbox.max-store-failures:3}") int maxFailures,
            RateCounters counters,
            @Value("${clientclub.mailbox.max-messages-per-sender-per-day:20}") int perSenderPerDay) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.handlers = handlers;
        this.clock = clock;
        this.maxFailures = maxFailures;
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
        String key = dedupeKey(raw);
        String names =
                parsed.attachments().stream().map(InboundAttachment::fileName).collect(Collectors.joining(", "));
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
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            log.info("Club mailbox: {} was stored before; not handled again", LogSafe.value(key));
            return id;
        }
        jdbc.sql("DELETE FROM mail_inbound_failure WHERE dedupe_key = :key")
                .param("key", key)
                .update();
        String sender =
                parsed.from() == null ? "none" : clip(parsed.from(), 320).toLowerCase(Locale.ROOT);
        if (!counters.tryAcquire("inbound:" + sender, Duration.ofDays(1), perSenderPerDay)) {
            handlers.record(new InboundMailId(id.get()), InboundOutcome.IGNORED, TOO_MANY_FROM_SENDER);
            log.info(
                    "Club mailbox: message {} kept but not handled, its sender sent over {} today",
                    id.get(),
                    perSenderPerDay);
            return id;
        }
        handlers.announce(new InboundMailReceived(new InboundMailId(id.get()), parsed, false));
        return id;
    }

    /**
     * Counts a failed {@link #store} of a message (that transaction rolled back). From the configured number of
     * failures on, the message is kept as FAILED: its raw bytes, its error, nothing parsed from it (what failed may
     * be in there) and no event, so nothing handles it until staff process it again.
     *
     * @return whether the message is now kept, so that the reader marks it done on the server
     */
    @Transactional
    public boolean storeFailed(byte[] raw, long size, boolean truncated, Exception error) {
        String key = dedupeKey(raw);
        String text = clip(String.valueOf(error), 1000);
        Timestamp now = Timestamp.from(clock.instant());
        int failures = jdbc.sql("""
                        INSERT INTO mail_inbound_failure (dedupe_key, failures, last_error, first_failed_at, last_failed_at)
                        VALUES (:key, 1, :error, :now, :now)
                        ON CONFLICT (dedupe_key) DO UPDATE SET failures = mail_inbound_failure.failures + 1,
                               last_error = EXCLUDED.last_error, last_failed_at = EXCLUDED.last_failed_at
                        RETURNING failures""")
                .param("key", key)
                .param("error", text)
                .param("now", now)
                .query(Integer.class)
                .single();
        if (failures < maxFailures) {
            log.warn(
                    "Club mailbox: {} could not be stored ({} of {} tries): {}",
                    LogSafe.value(key),
                    failures,
                    maxFailures,
                    LogSafe.value(text));
            return false;
        }
        jdbc.sql("""
                        INSERT INTO mail_inbound (dedupe_key, received_at, size, raw, raw_truncated, outcome, reason, error)
                        VALUES (:key, :now, :size, :raw, :truncated, :outcome, :reason, :error)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", key)
                .param("now", now)
                .param("size", size)
                .param("raw", raw)
                .param("truncated", truncated)
                .param("outcome", InboundOutcome.FAILED.name())
                .param("reason", STORE_FAILED)
                .param("error", text)
                .update();
        log.warn(
                "Club mailbox: {} could not be stored after {} tries; kept as failed for staff: {}",
                LogSafe.value(key),
                failures,
                LogSafe.value(text));
        return true;
    }

    /**
     * 'mid:' + Message-ID + ' sha256:' + the content hash, or the hash alone without a Message-ID. Read from the
     * raw bytes only, so that a message the parser or the database chokes on still has its key. The Message-ID is
     * cut to fit the column: two messages whose ids differ only beyond that and whose contents hash alike are one.
     */
    static String dedupeKey(byte[] raw) {
        String hash = "sha256:" + RawHeaders.contentSha256(raw);
        String messageId = RawHeaders.messageId(RawHeaders.field(raw, "Message-ID"));
        return messageId == null ? hash : "mid:" + clip(messageId, 300 - 5 - hash.length()) + " " + hash;
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        // PostgreSQL refuses NUL in text; hostile headers carry it.
        String clean = value.replace('\u0000', ' ');
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
