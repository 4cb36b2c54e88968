package org.clientclub.mail.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.clientclub.mail.DeliveredMail;
import org.clientclub.mail.DemoMailbox;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;

/**
 * The embedded default's mailbox: every e-mail the in-process mail server received. A message opens in a
 * frame whose links lead where a member's would. Registered by {@link DemoMailboxRoute} only when that server
 * runs.
 */
@Route(value = "demo-mailbox", registerAtStartup = false)
@Menu(order = 50, title = "mail.demo.title")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class DemoMailboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient DemoMailbox mailbox;
    private final Grid<DeliveredMail> grid = new Grid<>();
    private final TextField recipient = new TextField();
    private final IFrame preview = new IFrame();

    public DemoMailboxView(DemoMailbox mailbox) {
        this.mailbox = mailbox;
        setSizeFull();
        add(new H2(getTranslation("mail.demo.title")));
        recipient.setPlaceholder(getTranslation("mail.demo.filter"));
        recipient.setClearButtonVisible(true);
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.addValueChangeListener(e -> refresh());
        add(recipient);

        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        // One column, as mail clients list messages: the subject over the recipient and time, so the list stays
        // readable beside the message.
        grid.addColumn(LitRenderer.<DeliveredMail>of("""
                        <div style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 500">${item.subject}</div>
                        <div style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-s)">${item.to} · ${item.received}</div>""")
                        .withProperty("subject", DeliveredMail::subject)
                        .withProperty("to", DeliveredMail::to)
                        .withProperty("received", m -> m.receivedAt() == null ? "" : time.format(m.receivedAt())))
                .setHeader(getTranslation("mail.demo.messages"))
                .setKey("message");
        grid.setEmptyStateText(getTranslation("mail.demo.empty"));
        grid.setHeightFull();
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        preview.setSizeFull();
        preview.getElement().setAttribute("title", getTranslation("mail.demo.preview"));
        // Our own HTML, but a frame without scripts keeps any member-typed text inert all the same.
        preview.setSandbox(
                IFrame.SandboxType.ALLOW_POPUPS,
                IFrame.SandboxType.ALLOW_POPUPS_TO_ESCAPE_SANDBOX,
                IFrame.SandboxType.ALLOW_TOP_NAVIGATION);
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "white");
        Div previewBox = new Div(preview);
        previewBox.setSizeFull();

        SplitLayout split = new SplitLayout(grid, previewBox);
        split.setSizeFull();
        split.setSplitterPosition(45);
        add(split);
        refresh();
    }

    private void refresh() {
        grid.setItems(mailbox.messages(recipient.getValue()));
    }

    private void show(DeliveredMail mail) {
        if (mail == null) {
            preview.setSrcdoc("");
            return;
        }
        // Links open in the top window so following one behaves like a member's click in a mail client.
        String html =
                mail.html().isEmpty() ? "<pre>" + org.jsoup.nodes.Entities.escape(mail.text()) + "</pre>" : mail.html();
        preview.setSrcdoc("<base target=\"_top\">" + html);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.demo.title");
    }
}
