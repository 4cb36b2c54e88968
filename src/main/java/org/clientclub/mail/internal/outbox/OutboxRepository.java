package org.clientclub.mail.internal.outbox;

import java.time.Instant;
import java.util.List;
import org.clientclub.mail.OutboxStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /** Due messages, locked for this transaction; rows another node holds are skipped, not waited for. */
    @Query(value = """
            SELECT * FROM mail_outbox
             WHERE status = 'PENDING' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id
             LIMIT :limit
             FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<OutboxMessage> claimDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Failed messages written since the time. */
    @Query(
            "select count(m) from OutboxMessage m where m.status = org.clientclub.mail.OutboxStatus.FAILED and m.createdAt >= :since")
    long countFailedSince(@Param("since") Instant since);

    /** Failed messages written since the time, sent again as a staff resend sends one. @return how many */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update OutboxMessage m set m.status = org.clientclub.mail.OutboxStatus.PENDING, m.attempts = 0, m.nextAttemptAt = :now, m.retrySince = :now
             where m.status = org.clientclub.mail.OutboxStatus.FAILED and m.createdAt >= :since""")
    int resendFailedSince(@Param("since") Instant since, @Param("now") Instant now);

    /** Newest first, of one status ({@code null} for all). */
    @Query("""
            select m from OutboxMessage m
             where (:status is null or m.status = :status)
             order by m.createdAt desc, m.id desc""")
    List<OutboxMessage> latest(@Param("status") OutboxStatus status, Pageable page);

    /**
     * Newest first, of one status (its name, {@code null} for all), whose recipient or subject holds the pattern (lower
     * case, LIKE's wildcards escaped), through the trigram index on the same expression (V34).
     */
    @Query(value = """
                    SELECT * FROM mail_outbox m
                     WHERE (CAST(:status AS VARCHAR) IS NULL OR m.status = :status)
                       AND lower(m.recipient || E'\\n' || m.subject) LIKE :pattern
                     ORDER BY m.created_at DESC, m.id DESC""", nativeQuery = true)
    List<OutboxMessage> search(@Param("status") String status, @Param("pattern") String pattern, Pageable page);
}
