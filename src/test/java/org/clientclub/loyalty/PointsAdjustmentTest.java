package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.clientclub.tasks.FourEyesRequired;
import org.clientclub.tasks.InboxService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A manual adjustment needs a second person: the requester cannot approve it, a colleague can. */
@SpringBootTest
class PointsAdjustmentTest {

    @Autowired
    PointsService pointsService;

    @Autowired
    InboxService inbox;

    @Autowired
    TaskService tasks;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRequesterCannotApproveAColleagueCanAndThePointsAreBookedOnce() {
        actAs("olga", "CLUB_MANAGER", "CLUB_STAFF");
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String businessKey = pointsService.requestAdjustment(memberId, 40, "Баллы за покупку не начислились, чек 77");
        Task task =
                tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();

        assertThatThrownBy(() -> inbox.complete(task.getId(), Map.of("approved", "yes")))
                .isInstanceOf(FourEyesRequired.class);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        actAs("pavel", "CLUB_MANAGER");
        inbox.complete(task.getId(), Map.of("approved", "yes", "approvalComment", "Чек проверен"));

        actAs("olga", "CLUB_MANAGER", "CLUB_STAFF");
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> pointsService.balance(memberId) == 140);
        assertThat(pointsService.history(memberId, 1)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.ADJUST);
            assertThat(e.points()).isEqualTo(40);
            assertThat(e.reason()).contains("чек 77");
        });
        assertThat(jdbc.sql("SELECT created_by FROM loyalty_ledger_entry WHERE member_id = :m AND kind = 'ADJUST'")
                        .param("m", memberId)
                        .query(String.class)
                        .single())
                .isEqualTo("pavel");
        SecurityContextHolder.clearContext();
    }

    private static void actAs(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
