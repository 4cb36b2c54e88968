package org.clientclub.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMailRefused;
import org.clientclub.mail.InboundMailService;
import org.clientclub.mail.InboundMailSummary;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every e-mail that reached the club mailbox, newest first, with what became of it. Staff download the raw
 * message and its attachments, and hand a message to its handler again.
 */
@Route("club-mailbox")
@Menu(order = 45, title = "mailbox.title")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class ClubMailboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient InboundMailService mailbox;
    private final Grid<InboundMailSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<Optional<InboundOutcome>> outcome = new Select<>();

    public ClubMailboxView(InboundMailService mailbox, @Value("${clientclub.club-mailbox}") String clubAddress) {
        this.mailbox = mailbox;
        setSizeFull();
        add(new H2(getTranslation("mailbox.title")));

        search.setLabel(getTranslation("mailbox.search.label"));
        search.setPlaceholder(getTranslation("mailbox.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        outcome.setLabel(getTranslation("mailbox.outcome"));
        outcome.setItems(Stream.concat(
                        Stream.of(Optional.<InboundOutcome>empty()),
                        Arrays.stream(InboundOutcome.values()).map(Optional::of))
                .toList());
        outcome.setItemLabelGenerator(o -> o.map(v -> getTranslation("mailbox.outcome." + v.name()))
                .orElse(getTranslation("mailbox.outcome.any")));
        outcome.setValue(Optional.empty());
        outcome.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(search, outcome);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(filters);

        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        grid.addColumn(m -> time.format(m.receivedAt()))
                .setHeader(getTranslation("mailbox.received"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.sender() == null ? getTranslation("mailbox.noSender") : m.sender())
                .setHeader(getTranslation("mailbox.sender"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.subject() == null || m.subject().isBlank()
                        ? getTranslation("mailbox.noSubject")
                        : m.subject())
                .setHeader(getTranslation("mailbox.subject"))
                .setFlexGrow(1);
        grid.addColumn(m -> m.attachmentNames() == null ? "" : m.attachmentNames())
                .setHeader(getTranslation("mailbox.attachments"))
                .setFlexGrow(1);
        grid.addColumn(m -> getTranslation("mailbox.outcome." + m.outcome().name()))
                .setKey("outcome")
                .setHeader(getTranslation("mailbox.outcome"))
                .setAutoWidth(true);
        grid.addColumn(this::reason)
                .setKey("reason")
                .setTooltipGenerator(this::reason)
                .setHeader(getTranslation("mailbox.reason"))
                .setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(
                query -> mailbox
                        .list(outcome.getValue().orElse(null), search.getValue(), query.getOffset(), query.getLimit())
                        .stream());
        grid.setEmptyStateText(getTranslation("mailbox.empty", clubAddress));
        grid.setSizeFull();
        add(grid);
    }

    private String reason(InboundMailSummary message) {
        return message.reason() == null ? "" : getTranslation(message.reason());
    }

    /** Opened by clicking a row: the downloads and handling the message again. */
    private Component details(InboundMailSummary message) {
        HorizontalLayout downloads = new HorizontalLayout();
        downloads.setId("mailbox-downloads-" + message.id());
        Anchor raw = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName("message-" + message.id() + ".eml");
                    event.setContentType("message/rfc822");
                    event.getOutputStream()
                            .write(mailbox.rawMessage(message.id()).orElse(new byte[0]));
                },
                getTranslation("mailbox.raw"));
        downloads.add(raw);
        for (InboundAttachment attachment : mailbox.attachments(message.id())) {
            if (attachment.data() == null) {
                downloads.add(new Span(attachment.fileName() + " (" + size(attachment.size()) + ")"));
                continue;
            }
            downloads.add(new Anchor(
                    (DownloadHandler) event -> {
                        event.setFileName(attachment.fileName());
                        event.setContentType("application/octet-stream");
                        mailbox.attachment(message.id(), attachment.index())
                                .ifPresent(a -> write(event.getOutputStream(), a.data()));
                    },
                    attachment.fileName() + " (" + size(attachment.size()) + ")"));
        }
        Button reprocess = new Button(getTranslation("mailbox.reprocess"), e -> confirmReprocess(message));
        reprocess.setId("mailbox-reprocess-" + message.id());
        reprocess.addThemeVariants(ButtonVariant.LUMO_SMALL);
        // A person is working on it; the handler would refuse anyway.
        reprocess.setEnabled(message.outcome() != InboundOutcome.NEEDS_PERSON);
        Div box = new Div(downloads, reprocess);
        if (message.truncated()) {
            box.addComponentAsFirst(new Span(getTranslation("mailbox.truncated")));
        }
        if (message.error() != null) {
            Span error = new Span(getTranslation("mailbox.error", message.error()));
            error.setId("mailbox-error-" + message.id());
            box.addComponentAsFirst(error);
        }
        return box;
    }

    private void confirmReprocess(InboundMailSummary message) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setText(getTranslation("mailbox.reprocess.confirm"));
        dialog.setCancelable(true);
        dialog.setConfirmText(getTranslation("mailbox.reprocess"));
        dialog.addConfirmListener(e -> reprocess(message));
        dialog.open();
    }

    void reprocess(InboundMailSummary message) {
        try {
            mailbox.reprocess(message.id());
            Notification.show(getTranslation("mailbox.reprocessed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InboundMailRefused e) {
            Notification.show(getTranslation(e.reasonKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.getDataProvider().refreshAll();
    }

    private static void write(OutputStream out, byte[] data) {
        try {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String size(long bytes) {
        return bytes < 1024
                ? bytes + " B"
                : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : (bytes / (1024 * 1024)) + " MB";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mailbox.title");
    }
}
