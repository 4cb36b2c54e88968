package org.clientclub.tasks.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.clientclub.security.ui.LoginView;
import org.clientclub.support.KaribuTest;
import org.clientclub.tasks.InboxService;
import org.clientclub.tasks.InboxTask;
import org.clientclub.tasks.TaskUnavailable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox and a task page, for staff inside and outside the task's candidate group. */
class InboxViewTest extends KaribuTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService history;

    @Autowired
    InboxService inbox;

    @Autowired
    StaffDirectory staff;

    private String businessKey;
    private Task task;

    @BeforeEach
    void aDuplicateToReview() {
        businessKey = "application-test-" + UUID.randomUUID();
        runtime.createProcessInstanceByKey("MembershipOnboardingProcess")
                .businessKey(businessKey)
                .setVariables(Map.of(
                        "applicationId",
                        -1L,
                        "guardianRequired",
                        false,
                        "readyForInteraction",
                        true,
                        "registration",
                        "EXISTING_DIFFERENT"))
                .startBeforeActivity("Task_ReviewPossibleDuplicate")
                .execute();
        task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
    }

    @Test
    void anonymousVisitorsAreSentToTheLogInFromEveryStaffView() {
        for (String path : new String[] {"inbox", "members", "mail-log", "demo-mailbox", "tasks/" + task.getId()}) {
            UI.getCurrent().navigate(path);
            assertThat(_find(LoginView.class)).as(path).hasSize(1);
        }
    }

    @Test
    void staffSeeTheirGroupsTaskAndCompleteItThroughItsForm() {
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(InboxView.class);
        TextField search = _get(TextField.class, spec -> spec.withLabel("Поиск"));
        @SuppressWarnings("unchecked")
        Grid<InboxTask> grid = _get(Grid.class);
        int all = _size(grid);
        // Two characters are no search yet (each would read every task): the field says so, the list stays whole.
        search.setValue(businessKey.substring(0, 2));
        assertThat(search.getHelperText()).isEqualTo("Для поиска введите не меньше 3 символов");
        assertThat(_size(grid)).isEqualTo(all);
        search.setValue(businessKey);
        assertThat(search.getHelperText()).isNull();
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).name()).isEqualTo("Проверить возможный дубликат");

        UI.getCurrent().navigate(TaskView.class, task.getId());
        _click(_get(Button.class, spec -> spec.withId("task-complete")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("form-duplicateDecision"));
        assertThat(decision.isInvalid()).isTrue();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        decision.setValue("keepMember");
        _get(TextArea.class, spec -> spec.withId("form-reviewComment")).setValue("<script>Одно и то же лицо</script>");
        _click(_get(Button.class, spec -> spec.withId("task-complete")));

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(task.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("irina");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .variableName("duplicateDecision")
                        .singleResult()
                        .getValue())
                .isEqualTo("keepMember");
        assertThat(_find(InboxView.class)).hasSize(1);
    }

    @Test
    void staffOutsideTheCandidateGroupNeitherSeeNorCompleteTheTask() {
        login("oleg", "CLUB_MANAGER");
        UI.getCurrent().navigate(InboxView.class);
        _get(TextField.class, spec -> spec.withLabel("Поиск")).setValue(businessKey);
        @SuppressWarnings("unchecked")
        Grid<InboxTask> grid = _get(Grid.class);
        assertThat(_size(grid)).isZero();

        UI.getCurrent().navigate(TaskView.class, task.getId());
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-unavailable"))
                        .getText())
                .contains("недоступна");
        assertThatThrownBy(() -> inbox.complete(task.getId(), Map.of("duplicateDecision", "keepMember")))
                .isInstanceOf(TaskUnavailable.class);
        assertThatThrownBy(() -> inbox.claim(task.getId())).isInstanceOf(TaskUnavailable.class);
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(task.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
    }

    @Test
    void aTaskACollegueCompletedFirstSaysSoInsteadOfFailing() {
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(TaskView.class, task.getId());
        _get(RadioButtonGroup.class, spec -> spec.withId("form-duplicateDecision"))
                .setValue("keepMember");

        taskService.complete(task.getId(), Map.of("duplicateDecision", "keepMember"));
        _click(_get(Button.class, spec -> spec.withId("task-complete")));

        assertThat(_get(H2.class).getText()).isEqualTo("Задача недоступна");
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-unavailable"))
                        .getText())
                .contains("уже завершена коллегой");
    }

    @Test
    void staffClaimATaskAndHandItToAColleagueOfTheGroup() {
        String colleague = "colleague-" + UUID.randomUUID().toString().substring(0, 8);
        staff.save(
                new StaffAccount(colleague, "Пётр", "Коллегов", colleague + "@clientclub.local", Set.of("CLUB_STAFF")),
                "a-long-password-1");
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(TaskView.class, task.getId());

        _click(_get(Button.class, spec -> spec.withId("task-claim")));
        assertThat(assignee()).isEqualTo("irina");

        inbox.assign(task.getId(), colleague);
        assertThat(assignee()).isEqualTo(colleague);
        assertThatThrownBy(() -> inbox.complete(task.getId(), Map.of("duplicateDecision", "keepMember")))
                .hasMessageContaining(colleague);
        assertThatThrownBy(() -> inbox.assign(task.getId(), "nobody-" + UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formValuesOutsideTheFormAreRefusedOnTheServer() {
        login("irina", "CLUB_STAFF");
        assertThatThrownBy(() -> inbox.complete(task.getId(), Map.of("duplicateDecision", "deleteEverything")))
                .isInstanceOfSatisfying(
                        org.clientclub.tasks.FormInvalid.class,
                        e -> assertThat(e.errors()).containsEntry("duplicateDecision", "form.error.option"));
        assertThatThrownBy(() ->
                        inbox.complete(task.getId(), Map.of("duplicateDecision", "keepMember", "applicationId", 42L)))
                .isInstanceOfSatisfying(
                        org.clientclub.tasks.FormInvalid.class,
                        e -> assertThat(e.errors()).containsEntry("applicationId", "form.error.unknownField"));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    private String assignee() {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }
}
