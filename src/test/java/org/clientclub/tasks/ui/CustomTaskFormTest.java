package org.clientclub.tasks.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.support.KaribuTest;
import org.clientclub.tasks.InboxService;
import org.clientclub.tasks.spi.TaskFormProvider;
import org.clientclub.tasks.spi.TaskRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A module's own Vaadin form replaces the task's Camunda Form and completes through the inbox's checks. */
class CustomTaskFormTest extends KaribuTest {

    /** A module's form for the duplicate review: one button. */
    private static final TaskFormProvider KEEP_MEMBER_BUTTON = new TaskFormProvider() {
        @Override
        public boolean supports(TaskRef task) {
            return "Task_ReviewPossibleDuplicate".equals(task.taskDefinitionKey());
        }

        @Override
        public Component createForm(TaskRef task, Consumer<Map<String, Object>> complete) {
            Button keep = new Button("keep", e -> complete.accept(Map.of("duplicateDecision", "keepMember")));
            keep.setId("custom-keep");
            return new VerticalLayout(new Span("custom form for " + task.businessKey()), keep);
        }
    };

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    InboxService inbox;

    @Test
    void thePluggedFormIsShownAndCompletesTheTask() {
        String businessKey = "application-custom-" + UUID.randomUUID();
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
        Task task =
                tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        login("irina", "CLUB_STAFF");

        // The view as the router would build it when a module contributes a TaskFormProvider bean.
        TaskView view = new TaskView(inbox, List.of(), List.of(KEEP_MEMBER_BUTTON));
        view.setParameter(null, task.getId());
        view.beforeEnter(null);
        UI.getCurrent().add(view);
        assertThat(_get(Span.class, spec -> spec.withText("custom form for " + businessKey)))
                .isNotNull();
        assertThat(_find(RadioButtonGroup.class))
                .as("the Camunda Form is not rendered")
                .isEmpty();
        _click(_get(Button.class, spec -> spec.withId("custom-keep")));

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .variableName("duplicateDecision")
                        .singleResult()
                        .getValue())
                .isEqualTo("keepMember");
    }
}
