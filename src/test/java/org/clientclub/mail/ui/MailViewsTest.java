package org.clientclub.mail.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.clientclub.mail.DeliveredMail;
import org.clientclub.mail.OutboxEntry;
import org.clientclub.shared.ClubTime;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.Mailbox;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mail log and the demo mailbox, as staff use them. */
class MailViewsTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

    @Test
    void staffSendAFailedMessageAgainFromTheMailLog() {
        String to = TestQuestionnaires.newEmail();
        jdbc.sql("""
                INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html, body_text,
                                         message_id, status, attempts, next_attempt_at, last_error, created_at)
                VALUES (:key, :to, 'ru', 'welcome', 'TRANSACTIONAL', 'Повтор', '<p>Текст</p>', 'Текст', :id, 'FAILED', 8,
                        :now, '421 try later', :now)""")
                .param("key", "failed-" + to)
                .param("to", to)
                .param("id", "<" + to + ">")
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        jdbc.sql("""
                INSERT INTO mail_outbox_inline (outbox_id, content_id, content_type, data)
                SELECT id, 'cardBarcode', 'image/png', :data FROM mail_outbox WHERE recipient = :to""").param("data", image).param("to", to).update();
        login("irina", "CLUB_STAFF");

        UI.getCurrent().navigate(MailLogView.class);
        _get(TextField.class, spec -> spec.withLabel("Поиск")).setValue(to);
        @SuppressWarnings("unchecked")
        Grid<OutboxEntry> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).lastError()).isEqualTo("421 try later");

        _click((Button) _getCellComponent(grid, 0, "resend"));

        jakarta.mail.internet.MimeMessage resent = new Mailbox(greenMail).awaitMessage(to, 1);
        assertThat(Mailbox.inlinePart(resent, "cardBarcode"))
                .as("the images the message carries go again")
                .isEqualTo(image);
        // The worker marks the message sent after the server took it, in its own transaction: wait for that too.
        await().atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = :to")
                                .param("to", to)
                                .query(String.class)
                                .single())
                        .isEqualTo("SENT"));
        grid.getDataProvider().refreshAll();
        assertThat(_getFormatted(grid, 0, "kind")).isEqualTo("По запросу участника");
        assertThat(_getFormatted(grid, 0, "body"))
                .as("sent, its body and links are no longer kept")
                .startsWith("Не хранится с ");
    }

    @Test
    void staffSendAllFailedMailSinceATimeAgainAfterConfirmingTheCount() {
        // An hour ahead, so failed mail of other tests is not in the count.
        LocalDateTime sinceInClub =
                LocalDateTime.now(ClubTime.ZONE).plusHours(1).withSecond(0).withNano(0);
        Instant since = sinceInClub.atZone(ClubTime.ZONE).toInstant();
        String early = failedRow(since.minus(Duration.ofMinutes(5)));
        String recent = failedRow(since.plusSeconds(30));
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(MailLogView.class);

        _click(_get(Button.class, spec -> spec.withId("resend-failed-since")));
        _get(DateTimePicker.class).setValue(sinceInClub);
        // The count before anything is sent.
        _get(Span.class, spec -> spec.withText("1 неотправленное письмо будет отправлено заново"));
        _click(_get(Button.class, spec -> spec.withId("resend-failed-since-confirm")));

        NotificationsKt.expectNotifications("1 письмо поставлено в очередь");
        new Mailbox(greenMail).awaitMessage(recent, 1);
        assertThat(status(early)).as("failed before the time: stays failed").isEqualTo("FAILED");
        // Ahead of time, it would be in other tests' counts of failed mail.
        jdbc.sql("DELETE FROM mail_outbox WHERE recipient = :to")
                .param("to", early)
                .update();
    }

    private String failedRow(Instant createdAt) {
        String to = TestQuestionnaires.newEmail();
        jdbc.sql("""
                INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html, body_text,
                                         message_id, status, attempts, next_attempt_at, last_error, created_at)
                VALUES (:key, :to, 'ru', 'welcome', 'TRANSACTIONAL', 'Повтор', '<p>Текст</p>', 'Текст', :id, 'FAILED', 0,
                        :created, 'Couldn''t connect to host', :created)""")
                .param("key", "since-" + to)
                .param("to", to)
                .param("id", "<" + to + ">")
                .param("created", java.sql.Timestamp.from(createdAt))
                .update();
        return to;
    }

    private String status(String to) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = :to")
                .param("to", to)
                .query(String.class)
                .single();
    }

    @Test
    void theDemoMailboxShowsDeliveredMessages() {
        String to = TestQuestionnaires.newEmail();
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(
                to,
                "club@clientclub.local",
                "Тема письма",
                "Текст",
                greenMail.getSmtp().getServerSetup());
        login("irina", "CLUB_STAFF");

        UI.getCurrent().navigate(DemoMailboxView.class);
        _get(TextField.class, spec -> spec.withPlaceholder("Фильтр по получателю"))
                .setValue(to);
        @SuppressWarnings("unchecked")
        Grid<DeliveredMail> grid = _get(Grid.class);

        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).subject()).isEqualTo("Тема письма");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, 0, "message"))
                .as("the subject over the recipient")
                .contains("Тема письма", to);
    }

    @Test
    void withoutTheInProcessMailServerTheDemoMailboxIsNeitherInTheMenuNorFound() {
        login("irina", "CLUB_STAFF");
        assertThat(MenuConfiguration.getMenuEntries())
                .extracting(MenuEntry::path)
                .contains("/demo-mailbox");

        DemoMailboxRoute.offer(RouteConfiguration.forApplicationScope(), false);

        assertThat(MenuConfiguration.getMenuEntries())
                .extracting(MenuEntry::path)
                .doesNotContain("/demo-mailbox")
                .contains("/mail-log");
        UI.getCurrent().navigate("demo-mailbox");
        assertThat(_find(DemoMailboxView.class)).as("not found").isEmpty();

        DemoMailboxRoute.offer(RouteConfiguration.forApplicationScope(), true);
        assertThat(MenuConfiguration.getMenuEntries())
                .extracting(MenuEntry::path)
                .contains("/demo-mailbox");
    }
}
