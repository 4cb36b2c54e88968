package org.clientclub.membership.internal.onboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes applications that were never confirmed (status LAPSED: the applicant or the guardian did not answer in
 * time) once {@code clientclub.onboarding.purge-lapsed-after} has passed since they were submitted. Such an
 * application is personal data of someone who never joined, often typed in by a stranger, so nothing of it is
 * kept: not the questionnaire, its links, nor the consent it claimed. A mailed questionnaire's intake row stays
 * (it describes the club mailbox's message) without its application. Confirmed applications, members' and
 * feedback ones are never touched. Batches commit one by one, so a crash leaves only less to do.
 */
@Service
public class LapsedApplications {

    private static final Logger log = LoggerFactory.getLogger(LapsedApplications.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate batch;
    private final Clock clock;
    private final Period purgeAfter;

    public LapsedApplications(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${clientclub.onboarding.purge-lapsed-after:P30D}") Period purgeAfter) {
        this.jdbc = jdbc;
        this.batch = new TransactionTemplate(transactions);
        this.batch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.purgeAfter = purgeAfter;
    }

    /** @return how many applications were deleted */
    public int purge() {
        Instant cutoff = clock.instant().minus(purgeAfter);
        int total = 0;
        int deleted;
        do {
            deleted = batch.execute(tx -> purgeBatch(cutoff));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} applications that lapsed unconfirmed before {}", total, cutoff);
        }
        return total;
    }

    private int purgeBatch(Instant cutoff) {
        // Rows another node is purging are skipped: two runs never wait for or trip over each other.
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM membership_application
                         WHERE status = 'LAPSED' AND member_id IS NULL AND submitted_at < :cutoff
                         ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", BATCH)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM membership_token WHERE application_id IN (:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("DELETE FROM membership_consent WHERE application_id IN (:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("UPDATE membership_mail_intake SET application_id = NULL WHERE application_id IN (:ids)")
                .param("ids", ids)
                .update();
        return jdbc.sql("DELETE FROM membership_application WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }
}
