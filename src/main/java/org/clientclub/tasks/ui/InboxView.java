package org.clientclub.tasks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.clientclub.security.CurrentStaff;
import org.clientclub.shared.ClubTime;
import org.clientclub.tasks.InboxFilter;
import org.clientclub.tasks.InboxService;
import org.clientclub.tasks.InboxTask;
import org.clientclub.tasks.ProcessOption;
import org.clientclub.tasks.TaskAssignedToOther;
import org.clientclub.tasks.TaskUnavailable;

/** The staff inbox: my tasks and my groups' tasks, fetched a page at a time without counting them all. */
@Route("inbox")
@RouteAlias("")
@Menu(order = 10, title = "inbox.title")
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient InboxService inbox;
    private final Grid<InboxTask> grid = new Grid<>();
    private final Select<InboxFilter.Scope> scope = new Select<>();
    private final Select<String> process = new Select<>();
    private final TextField text = new TextField();
    private final Select<InboxFilter.Sort> sort = new Select<>();
    private final DateTimeFormatter time;

    public InboxView(InboxService inbox) {
        this.inbox = inbox;
        setSizeFull();
        time = ClubTime.dateTime(getLocale());
        add(new H2(getTranslation("inbox.title")));
        add(filters());
        configureGrid();
        add(grid);
    }

    private HorizontalLayout filters() {
        scope.setLabel(getTranslation("inbox.scope"));
        scope.setItems(InboxFilter.Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation("inbox.scope." + s.name()));
        scope.setValue(InboxFilter.Scope.ALL);
        scope.setId("inbox-scope");

        List<ProcessOption> processes = inbox.processes();
        List<String> keys = new ArrayList<>();
        keys.add("");
        processes.forEach(p -> keys.add(p.key()));
        process.setLabel(getTranslation("inbox.process"));
        process.setItems(keys);
        process.setItemLabelGenerator(k -> k.isEmpty()
                ? getTranslation("inbox.process.any")
                : processes.stream()
                        .filter(p -> p.key().equals(k))
                        .findFirst()
                        .map(p -> processName(p.key(), p.name()))
                        .orElse(k));
        process.setValue("");

        text.setLabel(getTranslation("inbox.search"));
        text.setPlaceholder(getTranslation("inbox.search.placeholder"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(200);

        sort.setLabel(getTranslation("inbox.sort"));
        sort.setItems(InboxFilter.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("inbox.sort." + s.name()));
        sort.setValue(InboxFilter.Sort.CREATED);

        scope.addValueChangeListener(e -> refresh());
        process.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> {
            boolean tooShort = !e.getValue().isBlank() && InboxFilter.searchable(e.getValue()) == null;
            text.setHelperText(
                    tooShort ? getTranslation("inbox.search.tooShort", InboxFilter.SEARCH_MIN_LENGTH) : null);
            refresh();
        });
        sort.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(scope, process, text, sort);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private void configureGrid() {
        grid.addColumn(t -> taskName(t))
                .setHeader(getTranslation("inbox.column.task"))
                .setFlexGrow(2);
        grid.addColumn(t -> processName(t.processDefinitionKey(), t.processName()))
                .setHeader(getTranslation("inbox.column.process"))
                .setFlexGrow(1);
        grid.addColumn(InboxTask::businessKey)
                .setHeader(getTranslation("inbox.column.businessKey"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.created() == null ? "" : time.format(t.created()))
                .setHeader(getTranslation("inbox.column.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.due() == null ? "" : time.format(t.due()))
                .setHeader(getTranslation("inbox.column.due"))
                .setAutoWidth(true);
        grid.addColumn(InboxTask::priority)
                .setHeader(getTranslation("inbox.column.priority"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.assignee() == null ? "" : t.assignee())
                .setHeader(getTranslation("inbox.column.assignee"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::claimButton).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("inbox.empty"));
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate(TaskView.class, e.getItem().id())));
        grid.setSizeFull();
        grid.setPageSize(50);
        refresh();
    }

    private void refresh() {
        InboxFilter filter = new InboxFilter(scope.getValue(), process.getValue(), text.getValue(), sort.getValue());
        KeysetPages pages = new KeysetPages(inbox, filter);
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    private Button claimButton(InboxTask task) {
        String me = CurrentStaff.get().map(CurrentStaff::username).orElse("");
        boolean mine = me.equals(task.assignee());
        Button button = new Button(getTranslation(mine ? "task.unclaim" : "task.claim"), e -> {
            try {
                if (mine) {
                    inbox.unclaim(task.id());
                } else {
                    inbox.claim(task.id());
                }
            } catch (TaskUnavailable ex) {
                Notification.show(getTranslation("task.unavailable"))
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            } catch (TaskAssignedToOther ex) {
                Notification.show(getTranslation("task.assignedToOther", ex.assignee()))
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
            grid.getDataProvider().refreshAll();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setVisible(task.assignee() == null || mine);
        return button;
    }

    private String taskName(InboxTask task) {
        return TaskTexts.taskName(this, task);
    }

    private String processName(String key, String fallback) {
        return TaskTexts.processName(this, key, fallback);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title");
    }
}
