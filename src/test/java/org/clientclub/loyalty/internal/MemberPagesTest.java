package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.List;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Club-wide loyalty jobs visit every account once, in member order, a committed page at a time. */
@SpringBootTest
class MemberPagesTest {

    @Autowired
    MemberPages pages;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAccountWithPointsIsVisitedOnceInMemberOrder() {
        for (int i = 0; i < 3; i++) {
            Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        }
        List<Long> expected = jdbc.sql("SELECT member_id FROM loyalty_account WHERE balance > 0 ORDER BY member_id")
                .query(Long.class)
                .list();
        List<Long> visited = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();

        int counted = pages.forEachPage(true, 2, ids -> {
            visited.addAll(ids);
            pageSizes.add(ids.size());
            return ids.size();
        });

        assertThat(visited).isEqualTo(expected);
        assertThat(counted).isEqualTo(expected.size());
        assertThat(pageSizes).allMatch(size -> size <= 2);
    }

    @Test
    void aFailingPageLeavesTheCommittedPagesBeforeItInPlace() {
        Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        List<Long> accounts = jdbc.sql("SELECT member_id FROM loyalty_account ORDER BY member_id")
                .query(Long.class)
                .list();
        long first = accounts.get(0);
        String marker = "pages-test:" + first;

        assertThatThrownBy(() -> pages.forEachPage(false, 1, ids -> {
                    if (ids.get(0) != first) {
                        throw new IllegalStateException("second page fails");
                    }
                    jdbc.sql(
                                    "UPDATE loyalty_account SET balance = balance + 1, updated_at = now() WHERE member_id = :m")
                            .param("m", first)
                            .update();
                    jdbc.sql("""
                    INSERT INTO loyalty_ledger_entry (member_id, kind, points, source_ref, reason, occurred_at, created_at)
                    VALUES (:m, 'ADJUST', 1, :ref, 'test', now(), now())""").param("m", first).param("ref", marker).update();
                    return 1;
                }))
                .hasMessage("second page fails");

        assertThat(jdbc.sql("SELECT count(*) FROM loyalty_ledger_entry WHERE source_ref = :ref")
                        .param("ref", marker)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
