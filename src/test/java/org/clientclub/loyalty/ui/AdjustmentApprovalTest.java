package org.clientclub.loyalty.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.loyalty.PointsService;
import org.clientclub.loyalty.process.PointsAdjustmentProcess;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.clientclub.tasks.spi.TaskRef;
import org.clientclub.tasks.ui.TaskView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approver's task page shows what an adjustment asks for; a reduction the balance no longer covers is approved
 * without booking anything, and the process ends on its own path instead of failing.
 */
class AdjustmentApprovalTest extends KaribuTest {

    @Autowired
    PointsService pointsService;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Test
    void theApproverSeesTheRequestAndAReductionBeyondTheBalanceEndsUnbooked() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        login("irina", "CLUB_STAFF");
        String businessKey = pointsService.requestAdjustment(memberId, -150, "Двойное начисление по чеку 12");
        Task task =
                tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();

        login("oleg", "CLUB_MANAGER");
        UI.getCurrent().navigate(TaskView.class, task.getId());

        assertThat(_get(Span.class, spec -> spec.withId("adjustment-points")).getText())
                .isEqualTo("-150");
        assertThat(_get(Span.class, spec -> spec.withId("adjustment-reason")).getText())
                .isEqualTo("Двойное начисление по чеку 12");
        assertThat(_get(Span.class, spec -> spec.withId("adjustment-balance")).getText())
                .startsWith("100 → -50")
                .contains("баллов недостаточно");
        assertThat(_get(Span.class, spec -> spec.withText("irina"))).isNotNull();
        assertThat(_get(Span.class, spec -> spec.withText(Members.cardOf(jdbc, memberId) + " · действует")))
                .isNotNull();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("form-approved"));
        decision.setValue("yes");
        _click(_get(Button.class, spec -> spec.withId("task-complete")));

        String processId = task.getProcessInstanceId();
        await().atMost(Duration.ofSeconds(20))
                .pollInSameThread()
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(processId)
                                .finished()
                                .count()
                        == 1);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processId)
                        .activityId(PointsAdjustmentProcess.END_ADJUSTMENT_NOT_BOOKED)
                        .count())
                .isEqualTo(1);
        assertThat(management.createJobQuery().processInstanceId(processId).count())
                .as("no job left failing")
                .isZero();
        assertThat(pointsService.balance(memberId)).isEqualTo(100);
    }

    @Test
    void aRequestNoLongerRunningIsSaidToBeDecided() {
        login("oleg", "CLUB_MANAGER");
        var panel = new AdjustmentRequestPanel(pointsService)
                .createPanel(new TaskRef(
                        "gone",
                        PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT,
                        PointsAdjustmentProcess.PROCESS_ID,
                        "adjustment-gone"));
        assertThat(panel.getElement().getTextRecursively()).contains("Запрос на корректировку не найден");
    }
}
