package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.support.Mailbox;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What makes the club write to robots and to innocent people, through the club mailbox and the intake with the
 * job executor running (issue 14, items 3 and 4). Every message is a text without a questionnaire, which a
 * person would be answered for with a rejection: a robot, a sender who asked for no automatic replies and a
 * forged sender get nothing, their message stays stored with the reason staff read. The test configuration
 * trusts the Authentication-Results of {@code mail.clientclub.local}.
 */
@SpringBootTest
class MailboxRobotsAndForgeriesTest {

    @Autowired
    InboundStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

    static Stream<Arguments> robots() {
        return Stream.of(
                robot(
                        "a list server's own address",
                        "majordomo@%s",
                        "",
                        "Majordomo results",
                        "mailbox.reason.mailingList"),
                robot("listserv", "LISTSERV@%s", "", "Output of your job", "mailbox.reason.mailingList"),
                robot("listproc", "listproc@%s", "", "Command results", "mailbox.reason.mailingList"),
                robot("a list's -request address", "club-news-request@%s", "", "Confirm", "mailbox.reason.mailingList"),
                robot("a list's owner- address", "owner-club-news@%s", "", "Moderation", "mailbox.reason.mailingList"),
                robot("a list's -bounces address", "club-news-bounces@%s", "", "Probe", "mailbox.reason.mailingList"),
                robot("noreply", "noreply@%s", "", "Your order", "mailbox.reason.noReply"),
                robot("no-reply with a name", "Shop <no-reply@%s>", "", "Your order", "mailbox.reason.noReply"),
                robot("do-not-reply", "do-not-reply@%s", "", "Statement", "mailbox.reason.noReply"),
                robot("donotreply", "DoNotReply@%s", "", "Statement", "mailbox.reason.noReply"),
                robot("an Outlook read receipt", "maria@%s", "", "Read: Анкета", "mailbox.reason.readReceipt"),
                robot(
                        "a Russian Outlook read receipt",
                        "maria@%s",
                        "",
                        "Прочитано: Анкета",
                        "mailbox.reason.readReceipt"),
                robot("a German read receipt", "maria@%s", "", "Gelesen: Fragebogen", "mailbox.reason.readReceipt"),
                robot(
                        "a disposition notification",
                        "maria@%s",
                        "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"mdn\"\r\n",
                        "Анкета",
                        "mailbox.reason.readReceipt"),
                robot(
                        "a list member's post (List-Id)",
                        "anna@%s",
                        "List-Id: Friends <friends.lists.example>\r\n",
                        "Встреча",
                        "mailbox.reason.bulk"),
                robot(
                        "a newsletter (List-Unsubscribe)",
                        "news@%s",
                        "List-Unsubscribe: <mailto:u@lists.example>\r\n",
                        "Скидки",
                        "mailbox.reason.bulk"),
                robot(
                        "a list post (List-Post)",
                        "anna@%s",
                        "List-Post: <mailto:friends@lists.example>\r\n",
                        "Встреча",
                        "mailbox.reason.bulk"),
                robot("Precedence: bulk", "news@%s", "Precedence: bulk\r\n", "Скидки", "mailbox.reason.bulk"),
                robot("Precedence: list", "anna@%s", "Precedence: list\r\n", "Встреча", "mailbox.reason.bulk"),
                robot("Precedence: junk", "spam@%s", "Precedence: junk\r\n", "Выигрыш", "mailbox.reason.bulk"),
                robot(
                        "Auto-Submitted: auto-generated",
                        "crm@%s",
                        "Auto-Submitted: auto-generated\r\n",
                        "Заказ",
                        "mailbox.reason.autoReply"),
                robot(
                        "a sender who suppressed automatic replies",
                        "maria@%s",
                        "X-Auto-Response-Suppress: All\r\n",
                        "Хочу в клуб",
                        "intake.reason.autoRepliesSuppressed"),
                robot(
                        "DMARC failed at the club's server",
                        "security@%s",
                        "Authentication-Results: mail.clientclub.local; spf=pass smtp.mailfrom=bulk.example;\r\n"
                                + "\tdkim=none; dmarc=fail (p=reject) header.from=victim.example\r\n",
                        "Хочу в клуб",
                        "mailbox.reason.forgedSender"),
                robot(
                        "SPF failed at the club's server",
                        "maria@%s",
                        "Authentication-Results: mail.clientclub.local;\r\n\tspf=fail (203.0.113.7 not permitted)"
                                + " smtp.mailfrom=victim.example\r\n",
                        "Хочу в клуб",
                        "mailbox.reason.forgedSender"),
                robot(
                        "DMARC failed, SPF passing below it",
                        "maria@%s",
                        "Authentication-Results: mail.clientclub.local; dmarc=fail header.from=victim.example\r\n"
                                + "Authentication-Results: mail.clientclub.local; spf=pass dmarc=pass\r\n",
                        "Хочу в клуб",
                        "mailbox.reason.forgedSender"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("robots")
    void nothingIsWrittenToARobotOrAForgedSenderAndTheMessageIsKept(
            String kind, String fromPattern, String headers, String subject, String reason) {
        String domain = uniqueDomain();
        String from = fromPattern.formatted(domain);
        byte[] raw = message(from, subject, headers);

        long id = deliver(raw);

        assertThat(jdbc.sql("SELECT outcome || '/' || reason FROM mail_inbound WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("IGNORED/" + reason);
        assertThat(jdbc.sql("SELECT raw FROM mail_inbound WHERE id = :id")
                        .param("id", id)
                        .query(byte[].class)
                        .single())
                .isEqualTo(raw);
        assertThat(mailTo(domain)).as("nothing in the outbox for " + kind).isZero();
    }

    @Test
    void aServerTheClubDoesNotTrustCannotSilenceAnAnswer() {
        String domain = uniqueDomain();
        long id = deliver(message(
                "maria@" + domain,
                "Хочу в клуб",
                "Authentication-Results: attacker.example; dmarc=fail header.from=" + domain + "\r\n"));

        assertThat(outcome(id)).isEqualTo("ANSWERED/intake.reason.noAttachment");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(domain) == 1);
    }

    @Test
    void aMembersReplyIsStillAnsweredAndTheAnswerIsMarkedAndThreaded() throws Exception {
        String sender = TestQuestionnaires.newEmail();
        String messageId = "reply-" + UUID.randomUUID() + "@example.org";
        byte[] raw = ("From: Мария <" + sender + ">\r\nTo: ilove@clientclub.local\r\nSubject: Re: Анкета\r\n"
                        + "Message-ID: <" + messageId + ">\r\nIn-Reply-To: <earlier@clientclub>\r\n"
                        + "References: <first@clientclub> <earlier@clientclub>\r\n"
                        + "Authentication-Results: mail.clientclub.local; spf=pass smtp.mailfrom=example.org; dmarc=pass\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\nА анкету куда прислать?\r\n")
                .getBytes(StandardCharsets.UTF_8);

        long id = deliver(raw);

        assertThat(outcome(id)).isEqualTo("ANSWERED/intake.reason.noAttachment");
        Map<String, Object> outbox = jdbc.sql("""
                        SELECT auto_submitted, in_reply_to, reply_references FROM mail_outbox
                         WHERE recipient = :r AND template = 'questionnaire-rejected'""").param("r", sender).query().singleRow();
        assertThat(outbox)
                .containsEntry("auto_submitted", "auto-replied")
                .containsEntry("in_reply_to", "<" + messageId + ">")
                .containsEntry("reply_references", "<first@clientclub> <earlier@clientclub> <" + messageId + ">");
        MimeMessage answer = new Mailbox(greenMail).awaitMessage(sender, 1);
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<" + messageId + ">");
        assertThat(answer.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<first@clientclub> <earlier@clientclub> <" + messageId + ">");
    }

    private static Arguments robot(String kind, String from, String headers, String subject, String reason) {
        return Arguments.of(kind, from, headers, subject, reason);
    }

    /** A text without a questionnaire: from a person, it would be answered with a rejection. */
    private static byte[] message(String from, String subject, String headers) {
        String body = headers.contains("boundary=\"mdn\"")
                ? "--mdn\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nПрочитано.\r\n--mdn\r\n"
                        + "Content-Type: message/disposition-notification\r\n\r\nDisposition: manual-action/MDN-sent-manually;"
                        + " displayed\r\n--mdn--\r\n"
                : "Здравствуйте! Примите меня в клуб.\r\n";
        String type = headers.contains("Content-Type:") ? "" : "Content-Type: text/plain; charset=utf-8\r\n";
        return ("Received: from mx.example (mx.example [192.0.2.10])\r\n\tby mail.clientclub.local with ESMTPS\r\n"
                        + headers + "From: " + from + "\r\nTo: ilove@clientclub.local\r\nSubject: =?UTF-8?B?"
                        + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                        + "?=\r\n"
                        + "Message-ID: <" + UUID.randomUUID() + "@example>\r\nDate: Mon, 2 Feb 2026 10:15:00 +0300\r\n"
                        + "MIME-Version: 1.0\r\n" + type + "\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Stores the message as the mailbox reader does and waits until the intake answered it or decided not to. */
    private long deliver(byte[] raw) {
        long id = store.store(raw, raw.length, false).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> !outcome(id).startsWith("RECEIVED"));
        return id;
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome || '/' || coalesce(reason, '') FROM mail_inbound WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long mailTo(String domain) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE lower(recipient) LIKE :d")
                .param("d", "%@" + domain)
                .query(Long.class)
                .single();
    }

    private static String uniqueDomain() {
        return "d" + UUID.randomUUID().toString().substring(0, 12) + ".example.org";
    }
}
