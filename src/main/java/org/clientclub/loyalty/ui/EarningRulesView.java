package org.clientclub.loyalty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.clientclub.loyalty.EarningRule;
import org.clientclub.loyalty.EarningRulesService;
import org.clientclub.loyalty.InvalidEarningRule;
import org.clientclub.loyalty.RefusedEarningRule;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.ui.UploadTexts;

/**
 * The earning tables in force, to download, change in Camunda Modeler and upload again: the next evaluation uses the
 * new version, no release needed. A browser editor is to come with the modeler.
 */
@Route("earning-rules")
@Menu(order = 36, title = "rules.title")
@RolesAllowed({AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class EarningRulesView extends VerticalLayout implements HasDynamicTitle {

    private final transient EarningRulesService rules;
    private final Grid<EarningRule> grid = new Grid<>();
    private final Paragraph outcome = new Paragraph();
    private final Grid<RefusedEarningRule> refused = new Grid<>();

    public EarningRulesView(EarningRulesService rules) {
        this.rules = rules;
        setMaxWidth("1100px");
        add(new H2(getTranslation("rules.title")), new Paragraph(getTranslation("rules.hint")));

        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        grid.addColumn(rule -> getTranslation("rules.decision." + rule.decisionId()))
                .setHeader(getTranslation("rules.table"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(EarningRule::version)
                .setHeader(getTranslation("rules.version"))
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(rule -> time.format(rule.deployedAt()) + ", "
                        + (rule.deployedBy() == null ? getTranslation("rules.byRelease") : rule.deployedBy()))
                .setHeader(getTranslation("rules.deployed"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::download)
                .setKey("download")
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.setId("rules-grid");
        grid.setAllRowsVisible(true);
        add(grid);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> deploy(bytes)));
        upload.setId("rules-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(EarningRulesService.MAX_RULE_BYTES);
        upload.setAcceptedFileTypes(".dmn");
        upload.setI18n(UploadTexts.of(this, "rules.upload.wrongType"));
        upload.addFileRejectedListener(
                e -> Notification.show(e.getErrorMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR));
        // One file at a time, but one after another: the outcome below says what became of the last one.
        upload.addAllFinishedListener(e -> upload.clearFileList());
        outcome.setId("rules-outcome");
        add(upload, outcome);

        // A refused file is kept with why, for the manager who tried and for anyone checking what was tried.
        refused.setId("rules-refused");
        refused.addColumn(rule -> time.format(rule.uploadedAt()) + ", " + rule.uploadedBy())
                .setHeader(getTranslation("rules.refused.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        refused.addColumn(rule -> getTranslation(rule.reason(), rule.detail()))
                .setHeader(getTranslation("rules.refused.reason"))
                .setFlexGrow(1);
        refused.addComponentColumn(this::downloadRefused)
                .setKey("download")
                .setWidth("9rem")
                .setFlexGrow(0);
        refused.setEmptyStateText(getTranslation("rules.refused.empty"));
        refused.setAllRowsVisible(true);
        add(new H3(getTranslation("rules.refused.title")), refused);
        refresh();
    }

    /** Deploys an uploaded table and says what became of it. */
    void deploy(byte[] dmnXml) {
        try {
            EarningRule rule = rules.deployEarningRule(dmnXml);
            outcome.setText(getTranslation(
                    "rules.deployedNow", getTranslation("rules.decision." + rule.decisionId()), rule.version()));
            outcome.getStyle().remove("color");
            refresh();
        } catch (InvalidEarningRule e) {
            outcome.setText(getTranslation(e.reason(), e.detail()));
            outcome.getStyle().set("color", "var(--lumo-error-text-color)");
            refresh();
        }
    }

    private Component download(EarningRule rule) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(rule.decisionId() + ".dmn");
                    event.setContentType("application/xml");
                    event.getOutputStream()
                            .write(rules.earningRuleXml(rule.decisionId()).orElseThrow());
                },
                getTranslation("rules.download"));
        anchor.setId("rules-download-" + rule.decisionId());
        return anchor;
    }

    private Component downloadRefused(RefusedEarningRule rule) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName("refused-" + rule.id() + ".dmn");
                    event.setContentType("application/octet-stream");
                    event.getOutputStream()
                            .write(rules.refusedEarningRuleXml(rule.id()).orElseThrow());
                },
                getTranslation("rules.refused.download"));
        anchor.setId("rules-refused-download-" + rule.id());
        return anchor;
    }

    private void refresh() {
        grid.setItems(rules.earningRules());
        refused.setItems(rules.refusedEarningRules());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.title");
    }
}
