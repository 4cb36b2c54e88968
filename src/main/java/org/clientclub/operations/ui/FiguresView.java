package org.clientclub.operations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.MailFigureHistory;
import org.clientclub.mail.MailHours;
import org.clientclub.mail.OutboxStatus;
import org.clientclub.operations.ui.ChartSpec.Colour;
import org.clientclub.operations.ui.ChartSpec.Series;
import org.clientclub.operations.ui.ChartSpec.Type;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.clientclub.workflow.EngineFigureHistory;
import org.clientclub.workflow.EngineHours;

/**
 * The last 24 hours in four charts, by hour in the club's time: mail written by where it stands now, mail received by
 * what became of it, incidents opened (and open now), and the job backlog. Read when the page opens and again on
 * "Refresh"; an hour is the current one up to now.
 */
@Route("admin/figures")
@Menu(order = 90, title = "figures.title")
@RolesAllowed(AppRoles.ADMIN)
public class FiguresView extends VerticalLayout implements HasDynamicTitle {

    static final int HOURS = 24;

    private static final Map<OutboxStatus, Colour> OUTBOX_COLOURS = Map.of(
            OutboxStatus.SENT, Colour.GREEN,
            OutboxStatus.PENDING, Colour.AMBER,
            OutboxStatus.FAILED, Colour.RED,
            OutboxStatus.SUPPRESSED, Colour.GREY);

    private static final Map<InboundOutcome, Colour> INBOUND_COLOURS = Map.of(
            InboundOutcome.RECEIVED, Colour.BLUE,
            InboundOutcome.HANDLED, Colour.GREEN,
            InboundOutcome.NEEDS_PERSON, Colour.AMBER,
            InboundOutcome.ANSWERED, Colour.PURPLE,
            InboundOutcome.IGNORED, Colour.GREY,
            InboundOutcome.FAILED, Colour.RED);

    private final transient MailFigureHistory mail;
    private final transient EngineFigureHistory engine;
    private final transient Clock clock;
    private final Paragraph updated = new Paragraph();
    private final Panel outbox = new Panel("outbox");
    private final Panel inbound = new Panel("inbound");
    private final Panel incidents = new Panel("incidents");
    private final Panel backlog = new Panel("backlog");
    private final Paragraph openIncidents = new Paragraph();

    public FiguresView(MailFigureHistory mail, EngineFigureHistory engine, Clock clock) {
        this.mail = mail;
        this.engine = engine;
        this.clock = clock;
        setMaxWidth("1100px");
        Button refresh = new Button(getTranslation("figures.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("figures-refresh");
        updated.setId("figures-updated");
        HorizontalLayout bar = new HorizontalLayout(refresh, updated);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("figures.title")), new Paragraph(getTranslation("figures.hint")), bar);
        openIncidents.setId("figures-incidents-open");
        incidents.add(openIncidents);
        add(outbox, inbound, incidents, backlog);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("figures.title");
    }

    /** Reads the last 24 hours again and redraws the four charts. */
    void refresh() {
        Instant now = clock.instant();
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
        List<String> labels = hourLabels(from);
        MailHours mails = mail.hourly(from, HOURS);
        EngineHours hours = engine.hourly(from, HOURS);

        List<Series> written = new ArrayList<>();
        for (OutboxStatus status : OutboxStatus.values()) {
            written.add(new Series(
                    getTranslation("figures.outbox." + status.name()),
                    OUTBOX_COLOURS.get(status),
                    List.copyOf(mails.outbox().get(status))));
        }
        outbox.show(new ChartSpec(Type.BAR, true, labels, written), ChartSpec::isEmpty);

        List<Series> received = new ArrayList<>();
        for (InboundOutcome outcome : InboundOutcome.values()) {
            received.add(new Series(
                    getTranslation("figures.inbound." + outcome.name()),
                    INBOUND_COLOURS.get(outcome),
                    List.copyOf(mails.inbound().get(outcome))));
        }
        inbound.show(new ChartSpec(Type.BAR, true, labels, received), ChartSpec::isEmpty);

        incidents.show(
                new ChartSpec(
                        Type.BAR,
                        false,
                        labels,
                        List.of(new Series(
                                getTranslation("figures.incidents.opened"), Colour.RED, hours.incidentsOpened()))),
                spec -> spec.isEmpty() && hours.incidentsOpenNow() == 0);
        openIncidents.setText(getTranslation("figures.incidents.openNow", hours.incidentsOpenNow()));

        backlog.show(
                new ChartSpec(
                        Type.LINE,
                        false,
                        labels,
                        List.of(
                                new Series(getTranslation("figures.backlog.due"), Colour.BLUE, hours.dueJobs()),
                                new Series(getTranslation("figures.backlog.failed"), Colour.RED, hours.failedJobs()))),
                ChartSpec::nothingMeasured);
        updated.setText(
                getTranslation("figures.updated", ClubTime.dateTime(getLocale()).format(now)));
    }

    private static List<String> hourLabels(Instant from) {
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm").withZone(ClubTime.ZONE);
        List<String> labels = new ArrayList<>(HOURS);
        for (int i = 0; i < HOURS; i++) {
            labels.add(hour.format(from.plus(Duration.ofHours(i))));
        }
        return labels;
    }

    /** A chart with its heading, or the sentence that the last day had nothing to draw. */
    private final class Panel extends Div {

        private final ClubChart chart = new ClubChart();
        private final Paragraph empty = new Paragraph();

        Panel(String name) {
            setId("figures-" + name);
            setWidthFull();
            chart.setId("figures-" + name + "-chart");
            empty.setId("figures-" + name + "-empty");
            empty.setText(getTranslation("figures.empty"));
            add(new H3(getTranslation("figures." + name + ".title")), chart, empty);
        }

        void show(ChartSpec spec, Predicate<ChartSpec> isEmpty) {
            chart.show(spec);
            boolean nothing = isEmpty.test(spec);
            chart.setVisible(!nothing);
            empty.setVisible(nothing);
        }
    }
}
