package org.clientclub.operations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.MailFigureHistory;
import org.clientclub.mail.MailHours;
import org.clientclub.mail.OutboxStatus;
import org.clientclub.shared.ClubTime;
import org.clientclub.support.KaribuTest;
import org.clientclub.workflow.EngineFigureHistory;
import org.clientclub.workflow.EngineHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator sees the last day in four charts drawn from the modules' hourly figures; nobody else gets in. */
class FiguresViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailFigureHistory mail;

    @Autowired
    EngineFigureHistory engine;

    private final String tag = "figures-view:" + UUID.randomUUID() + ":";

    @AfterEach
    void removeTheRows() {
        jdbc.sql("DELETE FROM mail_outbox WHERE idempotency_key LIKE :tag")
                .param("tag", tag + "%")
                .update();
        jdbc.sql("DELETE FROM mail_inbound WHERE dedupe_key LIKE :tag")
                .param("tag", tag + "%")
                .update();
    }

    @Test
    void anAdministratorSeesFourChartsOfTheLastDayByHour() {
        Instant now = Instant.now();
        sentMail(now.minusSeconds(5));
        inbound(InboundOutcome.NEEDS_PERSON, now.minusSeconds(5));
        login("olga", "ADMIN");

        UI.getCurrent().navigate("admin/figures");

        assertThat(charts()).hasSize(4);
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23));
        MailHours mails = mail.hourly(from, 24);
        EngineHours hours = engine.hourly(from, 24);

        ChartSpec outbox = spec("figures-outbox-chart");
        assertThat(outbox.type()).isEqualTo(ChartSpec.Type.BAR);
        assertThat(outbox.stacked()).isTrue();
        assertThat(outbox.labels())
                .hasSize(24)
                .last()
                .isEqualTo(DateTimeFormatter.ofPattern("HH:00")
                        .withZone(ClubTime.ZONE)
                        .format(now));
        assertThat(outbox.datasets())
                .extracting(ChartSpec.Series::label)
                .containsExactly("В очереди", "Отправлено", "Ошибка", "Не отправлено (отписка)");
        ChartSpec.Series sent = outbox.datasets().get(1);
        assertThat(sent.data()).isEqualTo(mails.outbox().get(OutboxStatus.SENT));
        assertThat(sent.data().get(23)).isGreaterThanOrEqualTo(1L);
        assertThat(_get(ClubChart.class, spec -> spec.withId("figures-outbox-chart"))
                        .isVisible())
                .isTrue();
        assertThat(_find(Paragraph.class, spec -> spec.withId("figures-outbox-empty")))
                .noneMatch(Paragraph::isVisible);

        ChartSpec inbound = spec("figures-inbound-chart");
        assertThat(inbound.datasets()).hasSize(InboundOutcome.values().length);
        assertThat(inbound.datasets().get(InboundOutcome.NEEDS_PERSON.ordinal()).data())
                .isEqualTo(mails.inbound().get(InboundOutcome.NEEDS_PERSON))
                .last()
                .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1L));

        assertThat(spec("figures-incidents-chart").datasets().get(0).data()).isEqualTo(hours.incidentsOpened());
        assertThat(_get(Paragraph.class, spec -> spec.withId("figures-incidents-open"))
                        .getText())
                .isEqualTo("Открыто сейчас: " + hours.incidentsOpenNow());

        ChartSpec backlog = spec("figures-backlog-chart");
        assertThat(backlog.type()).isEqualTo(ChartSpec.Type.LINE);
        assertThat(backlog.datasets())
                .extracting(ChartSpec.Series::label)
                .containsExactly("Ждут выполнения", "Без попыток");
        assertThat(backlog.datasets().get(0).data()).isEqualTo(hours.dueJobs());
    }

    @Test
    void refreshReadsTheFiguresAgain() {
        login("olga", "ADMIN");
        UI.getCurrent().navigate("admin/figures");
        long before = spec("figures-outbox-chart").datasets().get(1).data().get(23);

        sentMail(Instant.now().minusSeconds(1));
        sentMail(Instant.now().minusSeconds(1));
        _click(_get(Button.class, spec -> spec.withId("figures-refresh")));

        assertThat(spec("figures-outbox-chart").datasets().get(1).data().get(23))
                .isEqualTo(before + 2);
    }

    @Test
    void staffAndManagersWhoAreNotAdministratorsDoNotGetTheScreen() {
        login("irina", "CLUB_STAFF");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/figures"))
                .isInstanceOf(MockAccessDeniedException.class);

        login("boris", "CLUB_MANAGER");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/figures"))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    /** Every chart of the view, shown or not (Karibu's locators find visible components only). */
    private static List<ClubChart> charts() {
        List<ClubChart> charts = new ArrayList<>();
        Deque<Component> todo = new ArrayDeque<>(List.of(UI.getCurrent()));
        while (!todo.isEmpty()) {
            Component next = todo.pop();
            if (next instanceof ClubChart chart) {
                charts.add(chart);
            }
            next.getChildren().forEach(todo::push);
        }
        return charts;
    }

    private static ChartSpec spec(String id) {
        ChartSpec spec = charts().stream()
                .filter(c -> c.getId().orElse("").equals(id))
                .findFirst()
                .orElseThrow()
                .spec();
        assertThat(spec).as(id).isNotNull();
        return spec;
    }

    private void sentMail(Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html,
                                                 body_text, message_id, status, next_attempt_at, created_at, sent_at)
                        VALUES (:key, 'figures-view@example.org', 'ru', 'test', 'TRANSACTIONAL', 'Проверка', '', '',
                                :mid, 'SENT', :created, :created, :created)""")
                .param("key", tag + UUID.randomUUID())
                .param("mid", "<" + UUID.randomUUID() + "@clientclub.local>")
                .param("created", Timestamp.from(createdAt))
                .update();
    }

    private void inbound(InboundOutcome outcome, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO mail_inbound (dedupe_key, received_at, size, raw, outcome)
                        VALUES (:key, :received, 1, :raw, :outcome)""")
                .param("key", tag + UUID.randomUUID())
                .param("received", Timestamp.from(receivedAt))
                .param("raw", new byte[] {'x'})
                .param("outcome", outcome.name())
                .update();
    }
}
