package org.clientclub.loyalty.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import org.clientclub.loyalty.ImportSummary;
import org.clientclub.loyalty.PurchaseImports;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.ui.UploadTexts;

/** Upload a till export, watch it being booked, and download its rejected lines or the original file. */
@Route("purchase-imports")
@Menu(order = 35, title = "imports.title")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class PurchaseImportsView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_FILE_BYTES = 200 * 1024 * 1024;

    private final transient PurchaseImports imports;
    private final Grid<ImportSummary> grid = new Grid<>();
    private Registration polling;

    public PurchaseImportsView(PurchaseImports imports) {
        this.imports = imports;
        setSizeFull();
        add(new H2(getTranslation("imports.title")));
        add(new Paragraph(getTranslation("imports.format", PurchaseImports.HEADER)));

        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (InputStream in = new FileInputStream(file)) {
                imports.upload(metadata.fileName(), file.length(), in);
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setId("imports-upload");
        upload.setI18n(UploadTexts.of(this, "imports.upload.wrongType"));
        // One file at a time, but one after another: the history shows each.
        upload.addAllFinishedListener(e -> {
            upload.clearFileList();
            refresh();
        });
        upload.addFileRejectedListener(
                e -> Notification.show(getTranslation("imports.rejectedFile", e.getErrorMessage()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
        add(upload);

        // The file's name, which downloads the original, over when and by whom it came; the rejected lines' count
        // downloads them. Fixed widths: an automatic width is measured once, for the first rows seen, and a running
        // import's counts grow after that. In rem: an em is smaller in the header cells than in the rows.
        grid.addComponentColumn(this::file)
                .setHeader(getTranslation("imports.file"))
                .setKey("file")
                .setWidth("12rem")
                .setFlexGrow(1);
        grid.addComponentColumn(this::state)
                .setHeader(getTranslation("imports.status"))
                .setKey("state")
                .setWidth("8rem")
                .setFlexGrow(0);
        count(ImportSummary::linesBooked, "imports.booked");
        count(ImportSummary::linesDuplicate, "imports.duplicates");
        grid.addComponentColumn(this::rejected)
                .setHeader(getTranslation("imports.rejected"))
                .setKey("rejected")
                .setWidth("7.5rem")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        count(ImportSummary::pointsBooked, "imports.points");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("imports.empty"));
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Poll while the page is open, so a running import shows its progress without a reload.
        event.getUI().setPollInterval(2000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private void count(ValueProvider<ImportSummary, Long> value, String header) {
        grid.addColumn(s -> String.format(getLocale(), "%,d", value.apply(s)))
                .setHeader(getTranslation(header))
                .setWidth("7.5rem")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
    }

    private void refresh() {
        grid.setItems(query -> imports.history(query.getOffset(), query.getLimit()).stream());
    }

    private Component state(ImportSummary summary) {
        if (summary.running()) {
            ProgressBar progress = new ProgressBar();
            progress.setId("imports-progress-" + summary.id());
            summary.progress().ifPresentOrElse(progress::setValue, () -> progress.setIndeterminate(true));
            String done = summary.linesExpected() > 0
                    ? getTranslation("imports.linesDoneOf", summary.linesDone(), summary.linesExpected())
                    : getTranslation("imports.linesDone", summary.linesDone());
            Span text = new Span(done);
            text.getStyle().set("white-space", "normal"); // the column is narrow: wrap rather than cut
            return new Div(progress, text);
        }
        Span status = new Span(getTranslation("imports.status." + summary.status()));
        if (summary.failure() != null) {
            status.setTitle(getTranslation(summary.failure()));
            status.setText(
                    getTranslation("imports.status." + summary.status()) + ": " + getTranslation(summary.failure()));
        }
        return status;
    }

    private Component file(ImportSummary summary) {
        Anchor name = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(summary.fileName());
                    event.setContentType("text/csv");
                    imports.writeOriginal(summary.id(), event.getOutputStream());
                },
                summary.fileName());
        name.setTitle(getTranslation("imports.downloadOriginal", summary.fileName()));
        name.getStyle()
                .set("display", "block")
                .set("overflow", "hidden")
                .set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        Div uploaded =
                new Div(getTranslation("imports.uploadedBy", time.format(summary.uploadedAt()), summary.uploadedBy()));
        uploaded.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("overflow", "hidden")
                .set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        return new Div(name, uploaded);
    }

    private Component rejected(ImportSummary summary) {
        String count = String.format(getLocale(), "%,d", summary.linesRejected());
        if (summary.linesRejected() == 0) {
            return new Span(count);
        }
        Anchor errors = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName("errors-" + summary.id() + ".csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    imports.writeErrors(summary.id(), event.getOutputStream());
                },
                count);
        errors.setTitle(getTranslation("imports.downloadErrors"));
        return errors;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.title");
    }
}
