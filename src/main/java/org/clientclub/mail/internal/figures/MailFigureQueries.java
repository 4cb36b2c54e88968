package org.clientclub.mail.internal.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.MailFigureHistory;
import org.clientclub.mail.MailHours;
import org.clientclub.mail.OutboxStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts per hour with one grouped query per table, bounded by the time indexes ({@code mail_outbox_created_idx},
 * {@code mail_inbound_received_idx}): a day reads that day's rows and no others. The hour of a row is counted from
 * {@code from} in seconds, so it does not depend on the session's time zone.
 */
@Service
class MailFigureQueries implements MailFigureHistory {

    private final JdbcTemplate jdbc;

    MailFigureQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public MailHours hourly(Instant from, int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be 1 to " + MAX_HOURS + ": " + hours);
        }
        return new MailHours(
                from,
                hours,
                count("mail_outbox", "created_at", "status", OutboxStatus.class, OutboxStatus::valueOf, from, hours),
                count(
                        "mail_inbound",
                        "received_at",
                        "outcome",
                        InboundOutcome.class,
                        InboundOutcome::valueOf,
                        from,
                        hours));
    }

    private <K extends Enum<K>> Map<K, List<Long>> count(
            String table,
            String timeColumn,
            String keyColumn,
            Class<K> keys,
            Function<String, K> key,
            Instant from,
            int hours) {
        Map<K, long[]> counts = new EnumMap<>(keys);
        for (K k : keys.getEnumConstants()) {
            counts.put(k, new long[hours]);
        }
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(from.plus(Duration.ofHours(hours)), ZoneOffset.UTC);
        // The names are this class's constants, never input.
        jdbc.query(
                "SELECT " + keyColumn + ", floor(extract(epoch FROM " + timeColumn + " - ?) / 3600)::int, count(*)"
                        + " FROM " + table + " WHERE " + timeColumn + " >= ? AND " + timeColumn + " < ?"
                        + " GROUP BY 1, 2",
                rs -> {
                    counts.get(key.apply(rs.getString(1)))[rs.getInt(2)] = rs.getLong(3);
                },
                start,
                start,
                end);
        Map<K, List<Long>> lists = new EnumMap<>(keys);
        counts.forEach((k, values) -> {
            List<Long> list = new ArrayList<>(values.length);
            for (long v : values) {
                list.add(v);
            }
            lists.put(k, Collections.unmodifiableList(list));
        });
        return lists;
    }
}
