package org.clientclub.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.clientclub.mail.MailService;
import org.clientclub.mail.OutboxEntry;
import org.clientclub.mail.OutboxStatus;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;

/**
 * Every message of the outbox with its status, attempts and last error; a failed one can be sent again, and after
 * an outage every failed one written since a time, once staff have confirmed how many that is. A sent
 * message's body is no longer kept (its links would still work, decision 0023): the log says so.
 */
@Route("mail-log")
@Menu(order = 40, title = "mail.log.title")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class MailLogView extends VerticalLayout implements HasDynamicTitle {

    private final transient MailService mail;
    private final Grid<OutboxEntry> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<OutboxStatus> status = new Select<>();

    public MailLogView(MailService mail) {
        this.mail = mail;
        setSizeFull();
        add(new H2(getTranslation("mail.log.title")));

        search.setPlaceholder(getTranslation("mail.log.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setItems(OutboxStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("mail.log.status.any"));
        status.setItemLabelGenerator(
                s -> s == null ? getTranslation("mail.log.status.any") : getTranslation("mail.status." + s));
        status.setLabel(getTranslation("mail.log.status"));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setLabel(getTranslation("mail.log.search.label"));
        Button resendSince = new Button(getTranslation("mail.log.resendSince"), e -> openResendSince());
        resendSince.setId("resend-failed-since");
        HorizontalLayout filters = new HorizontalLayout(search, status, resendSince);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(filters);

        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        grid.addColumn(e -> e.createdAt() == null ? "" : time.format(e.createdAt()))
                .setHeader(getTranslation("mail.log.created"))
                .setAutoWidth(true);
        grid.addColumn(OutboxEntry::recipient)
                .setHeader(getTranslation("mail.log.recipient"))
                .setAutoWidth(true);
        grid.addColumn(OutboxEntry::subject)
                .setHeader(getTranslation("mail.log.subject"))
                .setFlexGrow(1);
        grid.addColumn(e -> getTranslation("mail.kind." + e.kind()))
                .setHeader(getTranslation("mail.log.kind"))
                .setKey("kind")
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("mail.status." + e.status()))
                .setHeader(getTranslation("mail.log.status"))
                .setAutoWidth(true);
        grid.addColumn(OutboxEntry::attempts)
                .setHeader(getTranslation("mail.log.attempts"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.lastError() == null ? "" : e.lastError())
                .setHeader(getTranslation("mail.log.error"))
                .setFlexGrow(1);
        grid.addColumn(e -> e.bodyDiscardedAt() == null
                        ? ""
                        : getTranslation("mail.log.body.discarded", time.format(e.bodyDiscardedAt())))
                .setHeader(getTranslation("mail.log.body"))
                .setKey("body")
                .setAutoWidth(true);
        grid.addComponentColumn(this::resendButton).setKey("resend").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query ->
                this.mail.log(search.getValue(), status.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("mail.log.empty"));
        grid.setSizeFull();
        add(grid);
    }

    private Button resendButton(OutboxEntry entry) {
        Button button = new Button(getTranslation("mail.log.resend"), e -> {
            mail.resend(entry.id());
            Notification.show(getTranslation("mail.log.resent"));
            grid.getDataProvider().refreshAll();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setVisible(entry.failed());
        return button;
    }

    /** After an outage: every failed message written since a time goes out again, once staff confirm the count. */
    private void openResendSince() {
        Dialog dialog = new Dialog(getTranslation("mail.log.resendSince.title"));
        DateTimePicker since = new DateTimePicker(getTranslation("mail.log.resendSince.since"));
        since.setLocale(getLocale());
        since.setValue(
                LocalDateTime.now(ClubTime.ZONE).minusDays(1).withSecond(0).withNano(0));
        Span count = new Span();
        Button confirm = new Button(getTranslation("mail.log.resendSince.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("resend-failed-since-confirm");
        Runnable recount = () -> {
            long failed = since.getValue() == null ? 0 : mail.countFailedSince(instant(since.getValue()));
            count.setText(getTranslation("mail.log.resendSince.count", failed));
            confirm.setEnabled(failed > 0);
        };
        since.addValueChangeListener(e -> recount.run());
        recount.run();
        confirm.addClickListener(e -> {
            if (since.getValue() == null) {
                return;
            }
            int resent = mail.resendFailedSince(instant(since.getValue()));
            dialog.close();
            Notification.show(getTranslation("mail.log.resendSince.done", resent));
            grid.getDataProvider().refreshAll();
        });
        dialog.add(new VerticalLayout(since, count));
        dialog.getFooter().add(new Button(getTranslation("mail.log.resendSince.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private static Instant instant(LocalDateTime clubTime) {
        return clubTime.atZone(ClubTime.ZONE).toInstant();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.log.title");
    }
}
