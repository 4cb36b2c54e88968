package org.clientclub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;
import org.clientclub.support.Mailbox;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: one message per key, nothing outside a transaction, nothing after a rollback, club mail respects unsubscribes. */
@SpringBootTest
@WithMockUser(roles = "CLUB_STAFF")
class MailServiceTest {

    @Autowired
    MailService mail;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    private final List<String> rows = new ArrayList<>();

    @Test
    void aKeyIsSentOnceHoweverOftenItIsEnqueued() throws Exception {
        String to = TestQuestionnaires.newEmail();
        OutgoingMail message = welcome("key-" + to, to, MailKind.TRANSACTIONAL);

        assertThat(enqueue(message)).isEqualTo(Enqueued.QUEUED);
        assertThat(enqueue(message)).isEqualTo(Enqueued.DUPLICATE);

        jakarta.mail.internet.MimeMessage sent = new Mailbox(greenMail).awaitMessage(to, 1);
        assertThat(sent.getSubject()).as("in the recipient's language").isEqualTo("Welcome to the Client Club!");
        // Mail the club sends on its own answers nothing: generated, not a reply, and in no thread.
        assertThat(sent.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(sent.getHeader("In-Reply-To")).isNull();
        assertThat(sent.getHeader("References")).isNull();
        assertThat(Mailbox.decoded(sent)).contains("Your member number: 100042");
        // The worker marks a message sent after the server took it, in its own transaction.
        await().atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .untilAsserted(() -> assertThat(mail.log(to, null, 0, 10))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.status()).isEqualTo(OutboxStatus.SENT);
                            assertThat(e.attempts()).isEqualTo(1);
                        }));
        assertThat(new Mailbox(greenMail).to(to)).hasSize(1);
    }

    @Test
    void theMailLogFindsPartsOfRecipientAndSubjectInAnyCaseAndTakesWildcardsLiterally() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String underscore = "log_" + tag + "@example.org";
        String lookalike = "logx" + tag + "@example.org";
        enqueue(welcome("log-" + underscore, underscore, MailKind.TRANSACTIONAL));
        enqueue(welcome("log-" + lookalike, lookalike, MailKind.TRANSACTIONAL));

        assertThat(mail.log("LOG_" + tag, null, 0, 10))
                .extracting(OutboxEntry::recipient)
                .containsExactly(underscore);
        assertThat(mail.log("_" + tag, null, 0, 10))
                .extracting(OutboxEntry::recipient)
                .containsExactly(underscore);
        assertThat(mail.log("%" + tag, null, 0, 10)).isEmpty();
        assertThat(mail.log(tag, null, 0, 10)).hasSize(2);
        assertThat(mail.log("welcome to the CLIENT club", null, 0, 1000))
                .extracting(OutboxEntry::recipient)
                .contains(underscore, lookalike);
        assertThat(mail.log(tag, OutboxStatus.FAILED, 0, 10)).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesNothingToSend() {
        String to = TestQuestionnaires.newEmail();
        transaction.executeWithoutResult(s -> {
            mail.enqueue(welcome("rollback-" + to, to, MailKind.TRANSACTIONAL));
            s.setRollbackOnly();
        });
        assertThat(mail.log(to, null, 0, 10)).isEmpty();
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> mail.enqueue(welcome("no-tx", TestQuestionnaires.newEmail(), MailKind.TRANSACTIONAL)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void clubMailIsNotSentAfterAnUnsubscribeButTransactionalMailIs() {
        String to = TestQuestionnaires.newEmail();
        transaction.execute(s -> mail.enqueue(welcome("first-" + to, to, MailKind.TRANSACTIONAL)));
        String link = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(to, 1), "unsubscribe");
        assertThat(mail.unsubscribe(link.substring(link.lastIndexOf('/') + 1))).contains(to);

        transaction.execute(s -> mail.enqueue(welcome("club-" + to, to, MailKind.CLUB)));
        transaction.execute(s -> mail.enqueue(welcome("again-" + to, to, MailKind.TRANSACTIONAL)));

        new Mailbox(greenMail).awaitMessage(to, 2);
        await().atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .untilAsserted(() -> assertThat(mail.log(to, null, 0, 10))
                        .extracting(OutboxEntry::status)
                        .containsExactlyInAnyOrder(OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.SUPPRESSED));
        assertThat(mail.log(to, OutboxStatus.SUPPRESSED, 0, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.lastError()).isEqualTo("unsubscribed"));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_unsubscribe_token WHERE email = :to")
                        .param("to", to)
                        .query(Long.class)
                        .single())
                .as("a token for each mail sent, none for the suppressed one")
                .isEqualTo(2);
    }

    @Test
    void staffSendEveryFailedMessageSinceATimeAgainAndNothingElse() {
        // A day ahead: failed mail of other tests is not in the count.
        Instant since = Instant.now().plus(Duration.ofDays(1));
        String early = outboxRow("FAILED", since.minus(Duration.ofHours(1)));
        String failed1 = outboxRow("FAILED", since.plusSeconds(1));
        String failed2 = outboxRow("FAILED", since.plusSeconds(2));
        String sent = outboxRow("SENT", since.plusSeconds(3));
        String suppressed = outboxRow("SUPPRESSED", since.plusSeconds(4));

        assertThat(mail.countFailedSince(since)).isEqualTo(2);
        assertThat(mail.resendFailedSince(since)).isEqualTo(2);

        new Mailbox(greenMail).awaitMessage(failed1, 1);
        new Mailbox(greenMail).awaitMessage(failed2, 1);
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            assertThat(status(failed1)).isEqualTo("SENT");
            assertThat(status(failed2)).isEqualTo("SENT");
        });
        assertThat(status(early)).as("failed before the time: stays failed").isEqualTo("FAILED");
        assertThat(status(sent)).isEqualTo("SENT");
        assertThat(status(suppressed)).isEqualTo("SUPPRESSED");
        assertThat(new Mailbox(greenMail).to(sent))
                .as("a sent message is not sent again")
                .isEmpty();
        assertThat(new Mailbox(greenMail).to(suppressed)).isEmpty();
        assertThat(mail.countFailedSince(since)).isZero();
    }

    @Test
    @WithMockUser(roles = "MEMBER")
    void someoneWhoIsNotStaffCannotSendFailedMailAgain() {
        Instant since = Instant.now().plus(Duration.ofDays(1));
        String failed = outboxRow("FAILED", since.plusSeconds(1));

        assertThatThrownBy(() -> mail.resendFailedSince(since)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mail.countFailedSince(since)).isInstanceOf(AccessDeniedException.class);
        assertThat(status(failed)).isEqualTo("FAILED");
    }

    @Test
    @WithAnonymousUser
    void anAnonymousCallerCannotSendFailedMailAgain() {
        assertThatThrownBy(() -> mail.resendFailedSince(Instant.EPOCH)).isInstanceOf(AccessDeniedException.class);
    }

    /** Rows written ahead of time go, so that no other test counts them among its failed mail. */
    @AfterEach
    void deleteRows() {
        rows.forEach(to -> jdbc.sql("DELETE FROM mail_outbox WHERE recipient = :to")
                .param("to", to)
                .update());
        rows.clear();
    }

    /** A message as the outbox keeps it; @return its recipient, unique */
    private String outboxRow(String status, Instant createdAt) {
        String to = TestQuestionnaires.newEmail();
        rows.add(to);
        jdbc.sql("""
                INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html, body_text,
                                         message_id, status, attempts, next_attempt_at, last_error, created_at)
                VALUES (:key, :to, 'en', 'welcome', 'TRANSACTIONAL', 'Again', '<p>Text</p>', 'Text', :id, :status, 8,
                        :created, 'Couldn''t connect to host', :created)""")
                .param("key", "bulk-" + to)
                .param("to", to)
                .param("id", "<" + to + ">")
                .param("status", status)
                .param("created", Timestamp.from(createdAt))
                .update();
        return to;
    }

    private String status(String to) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = :to")
                .param("to", to)
                .query(String.class)
                .single();
    }

    private Enqueued enqueue(OutgoingMail message) {
        return transaction.execute(s -> mail.enqueue(message));
    }

    private static OutgoingMail welcome(String key, String to, MailKind kind) {
        return new OutgoingMail(
                key,
                new EmailAddress(to),
                Language.EN,
                "welcome",
                Map.of("name", "Anna", "memberNumber", "100042"),
                kind);
    }
}
