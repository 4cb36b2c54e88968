package org.clientclub.mail.internal.outbox;

import java.util.List;
import org.clientclub.mail.OutboxStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /** Due messages, locked for this transaction; rows another node holds are skipped, not waited for. */
    @Query(value = """
            SELECT * FROM mail_outbox
             WHERE status = 'PENDING' AND next_attempt_at <= now()
             ORDER BY next_attempt_at, id
             LIMIT :limit
             FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<OutboxMessage> claimDue(@Param("limit") int limit);

    @Query("""
            select m from OutboxMessage m
             where (:status is null or m.status = :status)
               and (:text = '' or lower(m.recipient) like :text or lower(m.subject) like :text)
             order by m.createdAt desc, m.id desc""")
    List<OutboxMessage> search(@Param("status") OutboxStatus status, @Param("text") String text, Pageable page);
}
