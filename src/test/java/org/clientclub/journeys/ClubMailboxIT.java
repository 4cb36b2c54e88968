package org.clientclub.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.time.Duration;
import java.util.Properties;
import org.clientclub.mail.internal.server.EmbeddedMailServer;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.shared.Language;
import org.clientclub.support.MailClient;
import org.clientclub.support.Mailbox;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The club mailbox over real SMTP and IMAP (GreenMail): a member's mail client sends the filled PDF, the app's
 * reader picks it up from the IMAP mailbox, and the sender gets the confirmation e-mail; the message is marked
 * seen on the server only once it is stored, and the same message delivered twice is stored once and makes one
 * application.
 */
// The same context as the other journeys: against a database server, a second context's outbox worker would send
// this context's mail through its own mail server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClubMailboxIT {

    @Autowired
    GreenMail greenMail;

    @Autowired
    EmbeddedMailServer.ClubMailbox clubMailbox;

    @Autowired
    QuestionnairePdf generator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailedQuestionnaireWithoutAnAddressIsConfirmedAtTheSendersAddress() throws Exception {
        String sender = TestQuestionnaires.newEmail();
        Questionnaire noEmail = withEmail(TestQuestionnaires.adult(sender), null);
        String messageId = "<" + sender + ".questionnaire@example.org>";
        MimeMessage sent =
                sendQuestionnaire(sender, messageId, QuestionnairePdfs.filled(generator, Language.RU, noEmail, true));
        MimeMessage confirmation = new Mailbox(greenMail).awaitMessage(sender, 1);

        assertThat(confirmation.getSubject()).isEqualTo("Подтвердите адрес для Клуба клиентов");
        assertThat(jdbc.sql("SELECT channel FROM membership_application WHERE email = :e")
                        .param("e", sender)
                        .query(String.class)
                        .single())
                .isEqualTo("MAIL");
        await().atMost(Duration.ofSeconds(20)).until(() -> unseen(messageId) == 0);

        // The same message again (a mail client's or an MTA's retry; only the server's trace fields differ): stored
        // once, one application.
        Transport.send(sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> unseen(messageId) == 0 && count(messageId) == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE message_id = :m")
                        .param("m", messageId.substring(1, messageId.length() - 1))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM membership_application WHERE email = :e")
                        .param("e", sender)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anOutOfOfficeReplyIsStoredAndNeverAnswered() throws Exception {
        String sender = TestQuestionnaires.newEmail();
        MimeMessage reply = new MimeMessage(new MailClient(greenMail).session());
        reply.setFrom(new InternetAddress(sender));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(clubMailbox.address()));
        reply.setSubject("Автоответ: Подтвердите адрес", "UTF-8");
        reply.setHeader("Auto-Submitted", "auto-replied");
        reply.setText("Я в отпуске до понедельника.", "UTF-8");

        Transport.send(reply);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT outcome FROM mail_inbound WHERE sender = :s")
                        .param("s", sender)
                        .query(String.class)
                        .list()
                        .contains("IGNORED"));
        assertThat(jdbc.sql("SELECT reason FROM mail_inbound WHERE sender = :s")
                        .param("s", sender)
                        .query(String.class)
                        .single())
                .isEqualTo("mailbox.reason.autoReply");
        assertThat(new Mailbox(greenMail).to(sender)).isEmpty();
    }

    private MimeMessage sendQuestionnaire(String sender, String messageId, byte[] pdf) throws Exception {
        return new MailClient(greenMail)
                .sendPdf(
                        sender,
                        "Мария Иванова",
                        clubMailbox.address(),
                        "Анкета в клуб",
                        "Здравствуйте! Анкета во вложении.",
                        "Анкета.pdf",
                        pdf,
                        messageId);
    }

    /** Messages with this Message-ID in the club mailbox that are not marked seen. */
    private int unseen(String messageId) throws Exception {
        return search(messageId, true);
    }

    private int count(String messageId) throws Exception {
        return search(messageId, false);
    }

    private int search(String messageId, boolean unseenOnly) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", clubMailbox.imapPort(), clubMailbox.address(), clubMailbox.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] found = inbox.search(new HeaderTerm("Message-ID", messageId));
            int n = 0;
            for (Message m : found) {
                if (!unseenOnly || !m.isSet(Flags.Flag.SEEN)) {
                    n++;
                }
            }
            inbox.close(false);
            return n;
        }
    }

    private static Questionnaire withEmail(Questionnaire q, String email) {
        return new Questionnaire(
                q.lastName(),
                q.firstName(),
                q.patronymic(),
                email,
                q.phone(),
                q.birthDate(),
                q.regionCode(),
                q.town(),
                q.postcode(),
                q.interests(),
                q.language(),
                q.readyForInteraction(),
                q.guardianEmail());
    }
}
