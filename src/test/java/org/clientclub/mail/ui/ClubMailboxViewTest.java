package org.clientclub.mail.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._getItemDetailsComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.clientclub.mail.InboundMailSummary;
import org.clientclub.mail.InboundOutcome;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The club mailbox as staff use it: every message with its outcome, the downloads, and processing again. */
class ClubMailboxViewTest extends KaribuTest {

    @Autowired
    InboundStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffSeeARejectedMessageWithItsReasonDownloadItAndProcessItAgain() {
        String sender = TestQuestionnaires.newEmail();
        byte[] raw = ("From: " + sender + "\r\nTo: ilove@clientclub.local\r\nSubject: =?UTF-8?B?"
                        + java.util.Base64.getEncoder().encodeToString("Хочу в клуб".getBytes(StandardCharsets.UTF_8))
                        + "?=\r\nMessage-ID: <text-" + sender
                        + ">\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nПримите меня!\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long id = store.store(raw, raw.length, false).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(id).equals("ANSWERED"));
        login("irina", "CLUB_STAFF");

        UI.getCurrent().navigate(ClubMailboxView.class);
        _get(TextField.class, spec -> spec.withLabel("Поиск")).setValue(sender);
        @SuppressWarnings("unchecked")
        Grid<InboundMailSummary> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        InboundMailSummary row = _get(grid, 0);
        assertThat(row.subject()).isEqualTo("Хочу в клуб");
        assertThat(row.outcome()).isEqualTo(InboundOutcome.ANSWERED);
        assertThat(grid.getColumnByKey("reason").getRenderer()).isNotNull();

        Component details = _getItemDetailsComponent(grid, 0);
        List<Anchor> downloads = _find(details, Anchor.class);
        assertThat(downloads).extracting(Anchor::getText).containsExactly("Письмо (.eml)");
        assertThat(downloads.get(0).getHref()).isNotBlank();

        ClubMailboxView view = (ClubMailboxView) UI.getCurrent().getCurrentView();
        view.reprocess(row);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> outcome(id).equals("ANSWERED")
                        && jdbc.sql("SELECT reprocessed FROM mail_inbound WHERE id = :id")
                                        .param("id", id)
                                        .query(Integer.class)
                                        .single()
                                == 1
                        && jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :s")
                                        .param("s", sender)
                                        .query(Long.class)
                                        .single()
                                == 2);
    }

    @Test
    void staffSeeWhyARobotsOrAForgedSendersMessageWasNotAnswered() {
        String domain = "robot-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        long robot = store(("From: Shop <no-reply@" + domain + ">\r\nTo: ilove@clientclub.local\r\nSubject: Order\r\n"
                + "Message-ID: <noreply@" + domain + ">\r\n\r\nYour order has shipped.\r\n"));
        long forged = store(("Authentication-Results: mail.clientclub.local; spf=fail smtp.mailfrom=" + domain
                + "; dmarc=fail header.from=" + domain + "\r\nFrom: ceo@" + domain
                + "\r\nTo: ilove@clientclub.local\r\n"
                + "Subject: Urgent\r\nMessage-ID: <forged@" + domain + ">\r\n\r\nPay this invoice.\r\n"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> outcome(robot).equals("IGNORED") && outcome(forged).equals("IGNORED"));
        login("irina", "CLUB_STAFF");

        UI.getCurrent().navigate(ClubMailboxView.class);
        _get(TextField.class, spec -> spec.withLabel("Поиск")).setValue(domain);
        @SuppressWarnings("unchecked")
        Grid<InboundMailSummary> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(2);
        assertThat(List.of(_getFormatted(grid, 0, "reason"), _getFormatted(grid, 1, "reason")))
                .containsExactlyInAnyOrder(
                        "Письмо с адреса, на который не отвечают (no-reply): отвечать не нужно.",
                        "Поддельный отправитель: почтовый сервер клуба не подтвердил отправителя (DMARC или SPF), ответ не отправлен.");
        assertThat(_getFormatted(grid, 0, "outcome")).isEqualTo("Без ответа");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient LIKE :d")
                        .param("d", "%@" + domain)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMessageWaitingForTranscriptionIsNotProcessedAgain() {
        String sender = TestQuestionnaires.newEmail();
        byte[] raw = MailCorpus.withPdf(sender, "scan-" + sender, "scan", QuestionnairePdfs.imageOnly());
        long id = store.store(raw, raw.length, false).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(id).equals("NEEDS_PERSON"));
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(ClubMailboxView.class);
        _get(TextField.class, spec -> spec.withLabel("Поиск")).setValue(sender);
        @SuppressWarnings("unchecked")
        Grid<InboundMailSummary> grid = _get(Grid.class);
        InboundMailSummary row = _get(grid, 0);
        assertThat(_find(_getItemDetailsComponent(grid, 0), Button.class))
                .singleElement()
                .satisfies(button -> assertThat(button.isEnabled()).isFalse());

        ((ClubMailboxView) UI.getCurrent().getCurrentView()).reprocess(row);

        assertThat(jdbc.sql("SELECT reprocessed FROM mail_inbound WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("refused and rolled back")
                .isZero();
        assertThat(outcome(id)).isEqualTo("NEEDS_PERSON");
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = :key AND parent_id_ IS NULL")
                        .param("key", "mail-" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aMessageThatCouldNotBeStoredIsListedAsFailedWithItsErrorAndCanBeDownloaded() {
        String tag = TestQuestionnaires.newEmail();
        byte[] raw = ("From: " + tag + "\r\nSubject: poison\r\n\r\nText\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 3; i++) {
            store.storeFailed(raw, raw.length, false, new IllegalStateException("no room left for " + tag));
        }
        login("irina", "CLUB_STAFF");

        UI.getCurrent().navigate(ClubMailboxView.class);
        @SuppressWarnings("unchecked")
        Select<Optional<InboundOutcome>> outcome = _get(Select.class, spec -> spec.withLabel("Итог"));
        outcome.setValue(Optional.of(InboundOutcome.FAILED));
        @SuppressWarnings("unchecked")
        Grid<InboundMailSummary> grid = _get(Grid.class);
        int row = java.util.stream.IntStream.range(0, _size(grid))
                .filter(i ->
                        _get(grid, i).error() != null && _get(grid, i).error().contains(tag))
                .findFirst()
                .orElseThrow();

        InboundMailSummary failed = _get(grid, row);
        assertThat(failed.outcome()).isEqualTo(InboundOutcome.FAILED);
        assertThat(grid.getColumnByKey("outcome").getRenderer()).isNotNull();
        Component details = _getItemDetailsComponent(grid, row);
        assertThat(_find(details, Span.class))
                .extracting(Span::getText)
                .contains("Ошибка при сохранении: java.lang.IllegalStateException: no room left for " + tag);
        assertThat(_find(details, Anchor.class)).extracting(Anchor::getText).containsExactly("Письмо (.eml)");
        assertThat(failed.reason()).isEqualTo(InboundStore.STORE_FAILED);
    }

    @Test
    void anEmptyMailboxSaysWhereQuestionnairesGo() {
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(ClubMailboxView.class);
        _get(TextField.class, spec -> spec.withLabel("Поиск")).setValue("nobody-" + TestQuestionnaires.newEmail());
        @SuppressWarnings("unchecked")
        Grid<InboundMailSummary> grid = _get(Grid.class);

        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).contains("ilove@clientclub.local");
    }

    private long store(String message) {
        byte[] raw = message.getBytes(StandardCharsets.UTF_8);
        return store.store(raw, raw.length, false).orElseThrow();
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome FROM mail_inbound WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
