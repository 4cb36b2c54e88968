package org.clientclub.loyalty.internal;

import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a club-wide job over the loyalty accounts a page at a time, each page in a transaction of its own and in
 * member order (keyset paging): the work never holds the whole club in memory or in one transaction, and a job
 * retried after a crash redoes only pages whose bookings and mails are idempotent anyway.
 */
@Component
public class MemberPages {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final int pageSize;

    public MemberPages(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${clientclub.loyalty.page-size:500}") int pageSize) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pageSize = pageSize;
    }

    /**
     * @param onlyWithPoints whether to skip accounts with a zero balance
     * @param page           handles one page of member ids (ascending); returns how many it counted
     * @return the sum of what the pages counted
     */
    public int forEachPage(boolean onlyWithPoints, ToIntFunction<List<Long>> page) {
        return forEachPage(onlyWithPoints, pageSize, page);
    }

    int forEachPage(boolean onlyWithPoints, int size, ToIntFunction<List<Long>> page) {
        long after = 0;
        int total = 0;
        while (true) {
            List<Long> ids = jdbc.sql("""
                            SELECT member_id FROM loyalty_account
                             WHERE member_id > :after AND (:all OR balance > 0)
                             ORDER BY member_id LIMIT :size""")
                    .param("after", after)
                    .param("all", !onlyWithPoints)
                    .param("size", size)
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return total;
            }
            Integer counted = ownTransaction.execute(status -> page.applyAsInt(ids));
            total += counted == null ? 0 : counted;
            after = ids.get(ids.size() - 1);
        }
    }
}
