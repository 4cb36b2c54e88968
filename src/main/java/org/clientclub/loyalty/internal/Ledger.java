package org.clientclub.loyalty.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.clientclub.loyalty.CardNumber;
import org.clientclub.loyalty.CardStatus;
import org.clientclub.loyalty.EntryKind;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.LedgerEntryView;
import org.clientclub.loyalty.SourceRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger, the only writer of {@code loyalty_ledger_entry} and of the balances. Every booking, one entry
 * at the counter or a member's receipts of an import's batch, locks the accounts first (in member order), then
 * inserts the entries and moves the balances by what was inserted (docs/decisions/0009-points-ledger.md): bookings
 * of one member run one after another on any number of nodes; the entry's unique source reference makes a repeated
 * booking a no-op; and the account's CHECK keeps the balance from going negative whatever a caller does.
 */
@Component
public class Ledger {

    /** A card's number and whether it is ACTIVE, BLOCKED or REPLACED. */
    public record CardState(String number, CardStatus status) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    public Ledger(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** Opens the member's account and first card; calling it again changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openAccount(long memberId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO loyalty_account (member_id, balance, updated_at) VALUES (:m, 0, :now) "
                        + "ON CONFLICT (member_id) DO NOTHING")
                .param("m", memberId)
                .param("now", now)
                .update();
        if (activeCard(memberId).isPresent()) {
            return;
        }
        long sequence = jdbc.sql("SELECT nextval('loyalty_card_number_seq')")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO loyalty_card (member_id, card_number, status, issued_at) VALUES (:m, :n, 'ACTIVE', :now) "
                        + "ON CONFLICT (member_id) WHERE status = 'ACTIVE' DO NOTHING")
                .param("m", memberId)
                .param("n", CardNumber.ofSequence(sequence).value())
                .param("now", now)
                .update();
    }

    public Optional<CardNumber> activeCard(long memberId) {
        return jdbc.sql("SELECT card_number FROM loyalty_card WHERE member_id = :m AND status = 'ACTIVE'")
                .param("m", memberId)
                .query(String.class)
                .optional()
                .map(CardNumber::new);
    }

    /**
     * Books points (negative to take them away).
     *
     * @return true when booked, false when an entry with this source reference already existed
     * @throws InsufficientPoints when the balance would go below zero; nothing is booked, and the caller's
     *         transaction is not spoiled (an import lists the line and goes on, a process takes its error path)
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = InsufficientPoints.class)
    public boolean book(long memberId, EntryKind kind, long points, SourceRef source, String reason, String actor) {
        return book(memberId, kind, points, source, reason, actor, null);
    }

    /**
     * Books points at a post office (a redemption at its counter).
     *
     * @param postOffice the post office's number (its postcode), or null
     * @see #book(long, EntryKind, long, SourceRef, String, String)
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = InsufficientPoints.class)
    public boolean book(
            long memberId,
            EntryKind kind,
            long points,
            SourceRef source,
            String reason,
            String actor,
            Integer postOffice) {
        if (points == 0) {
            throw new IllegalArgumentException("A booking moves points");
        }
        Long balance = lockAccounts(new long[] {memberId}).get(memberId);
        if (balance == null) {
            throw new IllegalStateException("Member " + memberId + " has no loyalty account");
        }
        if (balance + points < 0) {
            if (alreadyBooked(source)) {
                return false;
            }
            throw new InsufficientPoints(balance, -points);
        }
        return write(List.of(
                        new Entry(memberId, null, kind, points, source, reason, postOffice, clock.instant(), actor)))
                != 0;
    }

    /**
     * An entry to book: its card (null for the member's active card), what it does, why, where and when.
     *
     * @param actor who booked it, null for the club itself
     */
    public record Entry(
            long memberId,
            Long cardId,
            EntryKind kind,
            long points,
            SourceRef source,
            String reason,
            Integer postOffice,
            Instant occurredAt,
            String actor) {}

    /**
     * Books many members' entries at once (an import's batch): the accounts are locked in member order, so two
     * batches, the counter and the expiry never wait on each other in a circle. Only credits: nothing checks a
     * balance here, the account's CHECK refuses what would go below zero.
     *
     * @param lockAlso members whose accounts the caller books on after this (an import's refunds), locked with these
     * @return the points booked; an entry whose source was booked before books nothing
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long credit(List<Entry> entries, long[] lockAlso) {
        if (entries.stream().anyMatch(e -> e.points() <= 0)) {
            throw new IllegalArgumentException("A batch only credits");
        }
        lockAccounts(LongStream.concat(entries.stream().mapToLong(Entry::memberId), LongStream.of(lockAlso))
                .toArray());
        return write(entries);
    }

    /**
     * Locks the members' accounts in member order, the first step of every booking (0009).
     *
     * @return their balances; a member without an account is left out
     */
    private Map<Long, Long> lockAccounts(long[] memberIds) {
        Object[] ids = LongStream.of(memberIds).distinct().sorted().boxed().toArray();
        Map<Long, Long> balances = new HashMap<>();
        if (ids.length == 0) {
            return balances;
        }
        jdbcTemplate.query(
                "SELECT member_id, balance FROM loyalty_account WHERE member_id = ANY (?) ORDER BY member_id FOR UPDATE",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("int8", ids)),
                rs -> {
                    balances.put(rs.getLong(1), rs.getLong(2));
                });
        return balances;
    }

    /**
     * Inserts the entries, each once by its source reference, and moves the balances by what was inserted, in one
     * statement; the accounts are locked already.
     *
     * @return the points booked
     */
    private long write(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long booked = jdbcTemplate.query(
                """
                        WITH entry AS (
                            SELECT * FROM unnest(?::int8[], ?::int8[], ?::text[], ?::int8[], ?::text[], ?::text[],
                                                 ?::int4[], ?::timestamptz[], ?::text[])
                                       AS e(member_id, card_id, kind, points, source_ref, reason, post_office,
                                            occurred_at, created_by)),
                        inserted AS (
                            INSERT INTO loyalty_ledger_entry (member_id, card_id, kind, points, source_ref, reason,
                                                              post_office, occurred_at, created_at, created_by)
                            SELECT member_id,
                                   coalesce(card_id, (SELECT c.id FROM loyalty_card c
                                                       WHERE c.member_id = entry.member_id AND c.status = 'ACTIVE')),
                                   kind, points, source_ref, reason, post_office, occurred_at, ?, created_by
                              FROM entry
                            ON CONFLICT (source_ref) DO NOTHING
                            RETURNING member_id, points),
                        moved AS (
                            UPDATE loyalty_account a SET balance = a.balance + i.points, updated_at = ?
                              FROM (SELECT member_id, sum(points) AS points FROM inserted GROUP BY member_id) i
                             WHERE a.member_id = i.member_id
                            RETURNING i.points)
                        SELECT coalesce(sum(points), 0) FROM moved""",
                ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("int8", column(entries, Entry::memberId)));
                    ps.setArray(2, c.createArrayOf("int8", column(entries, Entry::cardId)));
                    ps.setArray(
                            3,
                            c.createArrayOf(
                                    "text", column(entries, e -> e.kind().name())));
                    ps.setArray(4, c.createArrayOf("int8", column(entries, Entry::points)));
                    ps.setArray(
                            5,
                            c.createArrayOf(
                                    "text", column(entries, e -> e.source().value())));
                    ps.setArray(6, c.createArrayOf("text", column(entries, Entry::reason)));
                    ps.setArray(7, c.createArrayOf("int4", column(entries, Entry::postOffice)));
                    ps.setArray(
                            8,
                            c.createArrayOf(
                                    "text", column(entries, e -> e.occurredAt().toString())));
                    ps.setArray(9, c.createArrayOf("text", column(entries, Entry::actor)));
                    ps.setTimestamp(10, now);
                    ps.setTimestamp(11, now);
                },
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return booked == null ? 0 : booked;
    }

    private static Object[] column(List<Entry> entries, Function<Entry, Object> value) {
        return entries.stream().map(value).toArray();
    }

    /** The member's newest card, whatever its state, with its status. */
    public Optional<CardState> latestCard(long memberId) {
        return jdbc.sql(
                        "SELECT card_number, status FROM loyalty_card WHERE member_id = :m ORDER BY issued_at DESC, id DESC LIMIT 1")
                .param("m", memberId)
                .query((rs, i) -> new CardState(rs.getString(1), CardStatus.valueOf(rs.getString(2))))
                .optional();
    }

    public Optional<Long> memberOfCard(String cardNumber) {
        return jdbc.sql("SELECT member_id FROM loyalty_card WHERE card_number = :n")
                .param("n", cardNumber)
                .query(Long.class)
                .optional();
    }

    public Optional<CardState> card(String cardNumber) {
        return jdbc.sql("SELECT card_number, status FROM loyalty_card WHERE card_number = :n")
                .param("n", cardNumber)
                .query((rs, i) -> new CardState(rs.getString(1), CardStatus.valueOf(rs.getString(2))))
                .optional();
    }

    /** The active card stops earning (lost or stolen); the account and its points stay. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void blockActiveCard(long memberId) {
        jdbc.sql(
                        "UPDATE loyalty_card SET status = 'BLOCKED', closed_at = :now WHERE member_id = :m AND status = 'ACTIVE'")
                .param("now", Timestamp.from(clock.instant()))
                .param("m", memberId)
                .update();
    }

    /** A new number for the member: the old card is retired, the balance belongs to the account and stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CardNumber reissue(long memberId) {
        jdbc.sql("SELECT member_id FROM loyalty_account WHERE member_id = :m FOR UPDATE")
                .param("m", memberId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("Member " + memberId + " has no loyalty account"));
        jdbc.sql(
                        "UPDATE loyalty_card SET status = 'REPLACED', closed_at = :now WHERE member_id = :m AND status = 'ACTIVE'")
                .param("now", Timestamp.from(clock.instant()))
                .param("m", memberId)
                .update();
        openAccount(memberId);
        return activeCard(memberId).orElseThrow();
    }

    public long balance(long memberId) {
        return jdbc.sql("SELECT balance FROM loyalty_account WHERE member_id = :m")
                .param("m", memberId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public List<LedgerEntryView> history(long memberId, int limit) {
        return jdbc.sql("""
                        SELECT id, kind, points, source_ref, reason, post_office, occurred_at FROM loyalty_ledger_entry
                         WHERE member_id = :m ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("m", memberId)
                .param("limit", limit)
                .query((rs, i) -> new LedgerEntryView(
                        rs.getLong("id"),
                        EntryKind.valueOf(rs.getString("kind")),
                        rs.getLong("points"),
                        new SourceRef(rs.getString("source_ref")),
                        rs.getString("reason"),
                        rs.getObject("post_office", Integer.class),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private boolean alreadyBooked(SourceRef source) {
        return jdbc.sql("SELECT count(*) FROM loyalty_ledger_entry WHERE source_ref = :ref")
                        .param("ref", source.value())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
