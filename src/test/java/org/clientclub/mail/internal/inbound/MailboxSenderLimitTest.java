package org.clientclub.mail.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clientclub.support.TestQuestionnaires;
import org.clientclub.support.TightLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a flood of mail to the club mailbox gets: here at most 3 messages a day from one sender are read, and a sender
 * gets one answer a day; the rest are kept for staff with the reason.
 */
@SpringBootTest(
        properties = {
            TightLimits.JOIN_PER_HOUR,
            TightLimits.CONFIRMATIONS_PER_RECIPIENT,
            TightLimits.MESSAGES_PER_SENDER,
            TightLimits.REPLIES_PER_RECIPIENT
        })
class MailboxSenderLimitTest {

    @Autowired
    InboundStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSenderPastItsDailyAllowanceIsStoredAndShownButNeitherReadNorAnswered() {
        String sender = TestQuestionnaires.newEmail();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] raw = message(sender);
            ids.add(store.store(raw, raw.length, false).orElseThrow());
        }
        byte[] other = message(TestQuestionnaires.newEmail());
        long otherId = store.store(other, other.length, false).orElseThrow();

        assertThat(outcome(ids.get(3))).isEqualTo("IGNORED:mailbox.reason.tooManyFromSender");
        assertThat(jdbc.sql("SELECT length(raw) FROM mail_inbound WHERE id = :id")
                        .param("id", ids.get(3))
                        .query(Integer.class)
                        .single())
                .as("the original is kept")
                .isPositive();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM membership_mail_intake WHERE inbound_mail_id IN (:ids)""")
                                .param("ids", List.of(ids.get(0), ids.get(1), ids.get(2), otherId))
                                .query(Long.class)
                                .single())
                        .as("the first three and another sender's are read")
                        .isEqualTo(4));
        assertThat(jdbc.sql("SELECT count(*) FROM membership_mail_intake WHERE inbound_mail_id = :id")
                        .param("id", ids.get(3))
                        .query(Long.class)
                        .single())
                .as("never read")
                .isZero();
    }

    @Test
    void aSenderGetsAtMostItsDailyAnswersAndTheRestIsKeptUnanswered() {
        String sender = TestQuestionnaires.newEmail();
        byte[] first = message(sender);
        long one = store.store(first, first.length, false).orElseThrow();
        byte[] second = message(sender);
        long other = store.store(second, second.length, false).orElseThrow();

        // The two are handled by jobs in either order: whichever comes second is the one not answered.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(List.of(outcome(one), outcome(other)))
                        .containsExactlyInAnyOrder(
                                "ANSWERED:intake.reason.noAttachment", "IGNORED:intake.reason.replyQuota"));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to")
                        .param("to", sender)
                        .query(Long.class)
                        .single())
                .as("one answer written")
                .isEqualTo(1);
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome || ':' || coalesce(reason, '') FROM mail_inbound WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static byte[] message(String sender) {
        return ("From: " + sender + "\r\nTo: ilove@clientclub.local\r\nSubject: Questionnaire\r\n"
                        + "Message-ID: <" + UUID.randomUUID() + "@test>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello, no attachment.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
