package org.clientclub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.clientclub.shared.EmailAddress;
import org.clientclub.shared.Language;
import org.clientclub.support.TestQuestionnaires;
import org.clientclub.support.TightLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox with the daily quotas counted in the database; here an address gets 2 confirmation mails a day. */
@SpringBootTest(
        properties = {
            TightLimits.JOIN_PER_HOUR,
            TightLimits.CONFIRMATIONS_PER_RECIPIENT,
            TightLimits.MESSAGES_PER_SENDER,
            TightLimits.REPLIES_PER_RECIPIENT
        })
class OutboxQuotaTest {

    @Autowired
    MailService mail;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecipientGetsNoMoreConfirmationsADayThanItsQuotaAndARetryDoesNotCount() {
        String to = TestQuestionnaires.newEmail();
        assertThat(enqueue(message("confirm-1-" + to, to, MailKind.CONFIRMATION)))
                .isEqualTo(Enqueued.QUEUED);
        assertThat(enqueue(message("confirm-1-" + to, to, MailKind.CONFIRMATION)))
                .as("a retried job")
                .isEqualTo(Enqueued.DUPLICATE);
        assertThat(enqueue(message("confirm-2-" + to, to, MailKind.CONFIRMATION)))
                .isEqualTo(Enqueued.QUEUED);

        assertThat(enqueue(message("confirm-3-" + to, to, MailKind.CONFIRMATION)))
                .isEqualTo(Enqueued.REFUSED_QUOTA);
        assertThat(enqueue(message("welcome-" + to, to, MailKind.TRANSACTIONAL)))
                .as("member mail is not capped")
                .isEqualTo(Enqueued.QUEUED);
        assertThat(jdbc.sql("SELECT idempotency_key FROM mail_outbox WHERE recipient = :to ORDER BY id")
                        .param("to", to)
                        .query(String.class)
                        .list())
                .as("nothing written for the refused one")
                .containsExactly("confirm-1-" + to, "confirm-2-" + to, "welcome-" + to);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_unsubscribe_token WHERE email = :to")
                        .param("to", to)
                        .query(Long.class)
                        .single())
                .as("one token per message written: none for the retry or the refused one")
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT sum(count) FROM shared_rate_counter WHERE counter_key = :key")
                        .param("key", "mail:CONFIRMATION:" + to)
                        .query(Long.class)
                        .single())
                .as("the retry is not counted; the refused one is")
                .isEqualTo(3);
    }

    private Enqueued enqueue(OutgoingMail message) {
        return transaction.execute(s -> mail.enqueue(message));
    }

    private static OutgoingMail message(String key, String to, MailKind kind) {
        return new OutgoingMail(
                key,
                new EmailAddress(to),
                Language.EN,
                "welcome",
                Map.of("name", "Anna", "memberNumber", "100042"),
                kind);
    }
}
