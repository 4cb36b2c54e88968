package org.clientclub.loyalty.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clientclub.loyalty.CardNumber;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.LedgerEntryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger. Every booking locks the member's account row first, so bookings of one member run one
 * after another on any number of nodes; the entry's unique source reference makes a repeated booking a no-op;
 * and the account's CHECK keeps the balance from going negative whatever a caller does.
 */
@Component
public class Ledger {

    public enum Kind {
        EARN,
        REDEEM,
        EXPIRE,
        REVERSE,
        ADJUST
    }

    /** A card's number and whether it is ACTIVE, BLOCKED or REPLACED. */
    public record CardState(String number, String status) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
    public boolean book(long memberId, Kind kind, long points, String sourceRef, String reason, String actor) {
        return book(memberId, kind, points, sourceRef, reason, actor, null);
    }

    /**
     * Books points at a post office (a redemption at its counter).
     *
     * @param postOffice the post office's number (its postcode), or null
     * @see #book(long, Kind, long, String, String, String)
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = InsufficientPoints.class)
    public boolean book(
            long memberId, Kind kind, long points, String sourceRef, String reason, String actor, Integer postOffice) {
        if (points == 0) {
            throw new IllegalArgumentException("A booking moves points");
        }
        long balance = jdbc.sql("SELECT balance FROM loyalty_account WHERE member_id = :m FOR UPDATE")
                .param("m", memberId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("Member " + memberId + " has no loyalty account"));
        if (balance + points < 0) {
            if (alreadyBooked(sourceRef)) {
                return false;
            }
            throw new InsufficientPoints(balance, -points);
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        INSERT INTO loyalty_ledger_entry (member_id, card_id, kind, points, source_ref, reason, post_office,
                                                          occurred_at, created_at, created_by)
                        VALUES (:m, (SELECT id FROM loyalty_card WHERE member_id = :m AND status = 'ACTIVE'), :kind,
                                :points, :ref, :reason, :office, :now, :now, :actor)
                        ON CONFLICT (source_ref) DO NOTHING""")
                .param("m", memberId)
                .param("kind", kind.name())
                .param("points", points)
                .param("ref", sourceRef)
                .param("reason", reason)
                .param("office", postOffice, Types.INTEGER)
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("UPDATE loyalty_account SET balance = balance + :p, updated_at = :now WHERE member_id = :m")
                .param("p", points)
                .param("now", Timestamp.from(now))
                .param("m", memberId)
                .update();
        return true;
    }

    /** The member's newest card, whatever its state, with its status. */
    public Optional<CardState> latestCard(long memberId) {
        return jdbc.sql(
                        "SELECT card_number, status FROM loyalty_card WHERE member_id = :m ORDER BY issued_at DESC, id DESC LIMIT 1")
                .param("m", memberId)
                .query((rs, i) -> new CardState(rs.getString(1), rs.getString(2)))
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
                .query((rs, i) -> new CardState(rs.getString(1), rs.getString(2)))
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
                        rs.getString("kind"),
                        rs.getLong("points"),
                        rs.getString("source_ref"),
                        rs.getString("reason"),
                        rs.getObject("post_office", Integer.class),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private boolean alreadyBooked(String sourceRef) {
        return jdbc.sql("SELECT count(*) FROM loyalty_ledger_entry WHERE source_ref = :ref")
                        .param("ref", sourceRef)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
