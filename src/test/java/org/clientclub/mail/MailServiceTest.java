package org.clientclub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Map;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;
import org.clientclub.support.Mailbox;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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
