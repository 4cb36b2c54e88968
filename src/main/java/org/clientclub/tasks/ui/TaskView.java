package org.clientclub.tasks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clientclub.security.CurrentStaff;
import org.clientclub.security.StaffAccount;
import org.clientclub.shared.ClubTime;
import org.clientclub.tasks.CamundaForm;
import org.clientclub.tasks.FormInvalid;
import org.clientclub.tasks.FourEyesRequired;
import org.clientclub.tasks.InboxService;
import org.clientclub.tasks.InboxTask;
import org.clientclub.tasks.TaskAssignedToOther;
import org.clientclub.tasks.TaskUnavailable;
import org.clientclub.tasks.spi.TaskFormProvider;
import org.clientclub.tasks.spi.TaskPanelProvider;

/** A task page: what the task is about (module panels), its form, and claim, assign and complete. */
@Route("tasks")
@PermitAll
public class TaskView extends VerticalLayout implements HasUrlParameter<String>, BeforeEnterObserver, HasDynamicTitle {

    private final transient InboxService inbox;
    private final transient List<TaskPanelProvider> panels;
    private final transient List<TaskFormProvider> customForms;
    private String taskId;
    private String title = "";

    public TaskView(InboxService inbox, List<TaskPanelProvider> panels, List<TaskFormProvider> customForms) {
        this.inbox = inbox;
        this.panels = panels;
        this.customForms = customForms;
        setMaxWidth("960px");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        this.taskId = parameter;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        Optional<InboxTask> found = inbox.task(taskId);
        if (found.isEmpty()) {
            showGone();
            return;
        }
        InboxTask task = found.get();
        title = TaskTexts.taskName(this, task);
        add(new H2(title));
        add(facts(task));
        if (task.description() != null) {
            add(new Paragraph(task.description()));
        }
        panels.stream().filter(p -> p.supports(task.ref())).forEach(p -> add(p.createPanel(task.ref())));

        String me = CurrentStaff.require().username();
        boolean heldByOther = task.assignee() != null && !task.assignee().equals(me);
        if (heldByOther) {
            add(new Paragraph(getTranslation("task.assignedToOther", task.assignee())));
        }
        Optional<TaskFormProvider> custom =
                customForms.stream().filter(p -> p.supports(task.ref())).findFirst();
        if (custom.isPresent()) {
            add(custom.get().createForm(task.ref(), values -> complete(values, null)));
            add(actions(task, me, null, null));
            return;
        }
        Optional<CamundaForm> form = inbox.form(task.id());
        CamundaFormRenderer renderer = form.map(CamundaFormRenderer::new).orElse(null);
        if (renderer != null) {
            add(renderer);
        } else {
            add(new Paragraph(getTranslation("task.noForm")));
        }
        add(actions(task, me, renderer == null ? Map::of : () -> renderer.values(), renderer));
    }

    private Component facts(InboxTask task) {
        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        Div facts = new Div();
        facts.getStyle().set("color", "var(--lumo-secondary-text-color)");
        facts.add(new Span(getTranslation("inbox.column.process") + ": "
                + TaskTexts.processName(this, task.processDefinitionKey(), task.processName())));
        facts.add(new Span(" · " + getTranslation("inbox.column.businessKey") + ": "
                + (task.businessKey() == null ? "—" : task.businessKey())));
        facts.add(new Span(" · " + getTranslation("inbox.column.created") + ": " + time.format(task.created())));
        if (task.due() != null) {
            facts.add(new Span(" · " + getTranslation("inbox.column.due") + ": " + time.format(task.due())));
        }
        facts.add(new Span(" · " + getTranslation("inbox.column.assignee") + ": "
                + (task.assignee() == null ? getTranslation("task.nobody") : task.assignee())));
        return facts;
    }

    private Component actions(
            InboxTask task, String me, Supplier<Map<String, Object>> values, CamundaFormRenderer renderer) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        boolean mine = me.equals(task.assignee());
        if (values != null) {
            Button complete = new Button(getTranslation("task.complete"), e -> complete(values.get(), renderer));
            complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            complete.setId("task-complete");
            complete.setEnabled(task.assignee() == null || mine);
            actions.add(complete);
        }
        if (task.assignee() == null) {
            actions.add(button("task.claim", () -> inbox.claim(task.id())));
        } else if (mine) {
            actions.add(button("task.unclaim", () -> inbox.unclaim(task.id())));
        }
        ComboBox<StaffAccount> colleague = new ComboBox<>(getTranslation("task.assignTo"));
        colleague.setItems(inbox.colleagues(task.id()));
        colleague.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        Button assign = button("task.assign", () -> {
            if (colleague.getValue() != null) {
                inbox.assign(task.id(), colleague.getValue().username());
            }
        });
        actions.add(colleague, assign, new RouterLink(getTranslation("task.back"), InboxView.class));
        return actions;
    }

    private Button button(String label, Runnable action) {
        Button button = new Button(getTranslation(label), e -> {
            try {
                action.run();
                render();
            } catch (TaskUnavailable ex) {
                showGone();
            } catch (TaskAssignedToOther ex) {
                Notification.show(getTranslation("task.assignedToOther", ex.assignee()))
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                render();
            }
        });
        button.setId("task-" + label.substring(label.indexOf('.') + 1));
        return button;
    }

    private void complete(Map<String, Object> values, CamundaFormRenderer renderer) {
        try {
            inbox.complete(taskId, values);
            Notification.show(getTranslation("task.completed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(InboxView.class));
        } catch (FormInvalid e) {
            if (renderer != null) {
                renderer.showErrors(e.errors());
            }
            Notification.show(getTranslation("form.error.summary")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (TaskUnavailable e) {
            showGone();
        } catch (TaskAssignedToOther e) {
            Notification.show(getTranslation("task.assignedToOther", e.assignee()))
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (FourEyesRequired e) {
            Notification.show(getTranslation("task.fourEyes")).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private void showGone() {
        removeAll();
        title = getTranslation("task.unavailable.title");
        add(new H2(title));
        Paragraph message = new Paragraph(getTranslation("task.unavailable"));
        message.setId("task-unavailable");
        add(message, new RouterLink(getTranslation("task.back"), InboxView.class));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
