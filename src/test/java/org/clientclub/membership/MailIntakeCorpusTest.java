package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.membership.process.QuestionnaireIntakeProcess;
import org.clientclub.shared.Language;
import org.clientclub.support.HostilePdfs;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.Mailbox;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole corpus of test e-mails through the club mailbox's store and QuestionnaireIntakeProcess, with the
 * job executor running: each message ends in onboarding, with staff, or in the quarantine with its reason, and
 * the senders of rejected ones (not machines) get an answer in their language.
 */
@SpringBootTest
class MailIntakeCorpusTest {

    @Autowired
    InboundStore store;

    @Autowired
    QuestionnairePdf generator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    GreenMail greenMail;

    @Test
    void everyMessageOfTheCorpusEndsWhereItShould() {
        List<MailCorpus.Case> corpus = MailCorpus.all(
                language -> QuestionnairePdfs.filled(generator, language, questionnaire(language), true),
                language -> QuestionnairePdfs.filled(generator, language, questionnaire(language), false),
                QuestionnairePdfs.imageOnly(),
                QuestionnairePdfs.encrypted(generator, questionnaire(Language.RU), true, "secret"),
                QuestionnairePdfs.foreignForm(),
                QuestionnairePdfs.blank(generator, Language.RU));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);

        Map<Long, MailCorpus.Case> stored = new LinkedHashMap<>();
        for (MailCorpus.Case c : corpus) {
            store.store(c.raw(), c.raw().length, false).ifPresent(id -> stored.put(id, c));
        }
        // Messages without a Message-ID are told apart by their bytes; every case is a message of its own.
        assertThat(stored).hasSameSizeAs(corpus);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> stored.keySet().stream().allMatch(this::settled));

        List<String> wrong = new ArrayList<>();
        stored.forEach((id, c) -> {
            Map<String, Object> row = jdbc.sql("SELECT outcome, reason, sender FROM mail_inbound WHERE id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            String outcome = (String) row.get("outcome");
            String reason = (String) row.get("reason");
            String expected = switch (c.expected()) {
                case ONBOARDING -> "HANDLED";
                case TRANSCRIPTION -> "NEEDS_PERSON";
                case REJECTED -> "ANSWERED";
                case IGNORED -> "IGNORED";
            };
            // Mail keeps robots and forged senders from the intake and gives its own reason; the rest are the intake's.
            String reasonKey =
                    (c.expected() == MailCorpus.Expected.IGNORED ? "mailbox.reason." : "intake.reason.") + c.reason();
            if (!expected.equals(outcome) || (c.reason() != null && !reasonKey.equals(reason))) {
                wrong.add(c.name() + ": expected " + expected + "/" + c.reason() + ", was " + outcome + "/" + reason);
            }
            if (c.expected() == MailCorpus.Expected.ONBOARDING && applications(id) != 1) {
                wrong.add(c.name() + ": no application with channel MAIL");
            }
            if (c.expected() == MailCorpus.Expected.TRANSCRIPTION
                    && tasks.createTaskQuery()
                                    .processInstanceBusinessKey(
                                            QuestionnaireIntakeProcess.businessKey(new InboundMailId(id)))
                                    .taskDefinitionKey(QuestionnaireIntakeProcess.TASK_TRANSCRIBE_QUESTIONNAIRE)
                                    .count()
                            != 1) {
                wrong.add(c.name() + ": no transcription task");
            }
            if (c.expected() == MailCorpus.Expected.IGNORED && replies(id) != 0) {
                wrong.add(c.name() + ": a machine's message was answered");
            }
            if (c.expected() == MailCorpus.Expected.REJECTED && row.get("sender") != null && replies(id) != 1) {
                wrong.add(c.name() + ": the sender was not answered");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theSameMessageStoredTwiceIsHandledOnce() {
        String email = TestQuestionnaires.newEmail();
        byte[] pdf = QuestionnairePdfs.filled(generator, Language.RU, TestQuestionnaires.adult(email), true);
        MailCorpus.Case once = MailCorpus.all(l -> pdf, l -> pdf, pdf, pdf, pdf, pdf).stream()
                .filter(c -> c.name().equals("outlook"))
                .findFirst()
                .orElseThrow();
        byte[] raw = new String(once.raw(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("(?im)^Message-ID:.*$", "Message-ID: <twice-" + email + ">")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        long id = store.store(raw, raw.length, false).orElseThrow();
        assertThat(store.store(raw, raw.length, false)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> settled(id));
        assertThat(jdbc.sql("SELECT count(*) FROM membership_application WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aQuestionnaireWithWrongFieldsIsAnsweredWithTheFieldsToCorrect() {
        String email = TestQuestionnaires.newEmail();
        org.clientclub.membership.Questionnaire q = TestQuestionnaires.adult(email);
        org.clientclub.membership.Questionnaire wrong = new org.clientclub.membership.Questionnaire(
                q.lastName(),
                q.firstName(),
                q.patronymic(),
                q.email(),
                q.phone(),
                q.birthDate(),
                q.regionCode(),
                "",
                "12ab",
                q.interests(),
                q.language(),
                q.readyForInteraction(),
                q.guardianEmail());
        byte[] pdf = QuestionnairePdfs.filled(generator, Language.RU, wrong, true);
        byte[] bytes = MailCorpus.withPdf(email, "wrong-" + email, "anketa", pdf);

        long id = store.store(bytes, bytes.length, false).orElseThrow();

        await().atMost(Duration.ofSeconds(30)).until(() -> settled(id));
        assertThat(jdbc.sql("SELECT outcome || '/' || reason FROM mail_inbound WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("ANSWERED/intake.reason.incomplete");
        assertThat(jdbc.sql("SELECT reason_fields FROM membership_mail_intake WHERE inbound_mail_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("postcode,town");
        // The outbox drops a body once it is sent (decision 0023): the reply is read as the applicant gets it.
        String reply = Mailbox.decoded(new Mailbox(greenMail).awaitMessage(email, 1));
        assertThat(reply).contains("Населённый пункт").contains("Индекс вашего почтового отделения");
        assertThat(jdbc.sql("SELECT count(*) FROM membership_application WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void tenPdfBombsArrivingTogetherAreEachKeptAndAnsweredAsTooComplex() {
        byte[] bomb =
                HostilePdfs.streamValueBomb(generator, TestQuestionnaires.adult("bomb@example.org"), HostilePdfs.GIB);
        Map<Long, byte[]> stored = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String sender = TestQuestionnaires.newEmail();
            byte[] raw = MailCorpus.withPdf(sender, "bomb-" + sender, "anketa", bomb);
            stored.put(store.store(raw, raw.length, false).orElseThrow(), raw);
        }

        await().atMost(Duration.ofSeconds(90))
                .until(() -> stored.keySet().stream().allMatch(this::settled));
        stored.forEach((id, raw) -> {
            assertThat(jdbc.sql("SELECT outcome || '/' || reason FROM mail_inbound WHERE id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("ANSWERED/intake.reason.tooComplex");
            assertThat(jdbc.sql("SELECT raw FROM mail_inbound WHERE id = :id")
                            .param("id", id)
                            .query(byte[].class)
                            .single())
                    .isEqualTo(raw);
            assertThat(replies(id)).isEqualTo(1);
        });
    }

    private boolean settled(long id) {
        String outcome = jdbc.sql("SELECT outcome FROM mail_inbound WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        return !outcome.equals("RECEIVED");
    }

    private long applications(long inboundId) {
        return jdbc.sql("""
                        SELECT count(*) FROM membership_mail_intake i JOIN membership_application a ON a.id = i.application_id
                         WHERE i.inbound_mail_id = :id AND a.channel = 'MAIL'""").param("id", inboundId).query(Long.class).single();
    }

    private long replies(long inboundId) {
        return jdbc.sql("""
                        SELECT count(*) FROM mail_outbox o JOIN membership_mail_intake i ON o.recipient = i.sender
                         WHERE i.inbound_mail_id = :id AND o.template = 'questionnaire-rejected'
                           AND o.idempotency_key IN (SELECT p.id_ || ':Task_SendRejection' FROM act_hi_procinst p
                                                      WHERE p.business_key_ = :key)""")
                .param("id", inboundId)
                .param("key", QuestionnaireIntakeProcess.businessKey(new InboundMailId(inboundId)))
                .query(Long.class)
                .single();
    }

    private static org.clientclub.membership.Questionnaire questionnaire(Language language) {
        org.clientclub.membership.Questionnaire q = TestQuestionnaires.adult(TestQuestionnaires.newEmail());
        return new org.clientclub.membership.Questionnaire(
                q.lastName(),
                q.firstName(),
                q.patronymic(),
                q.email(),
                q.phone(),
                q.birthDate(),
                q.regionCode(),
                q.town(),
                q.postcode(),
                q.interests(),
                language,
                q.readyForInteraction(),
                q.guardianEmail());
    }
}
