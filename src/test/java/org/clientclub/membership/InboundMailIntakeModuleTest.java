package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.membership.process.QuestionnaireIntakeProcess;
import org.clientclub.shared.Language;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The contract between mail and membership, with membership and the modules it uses only: the club mailbox hands
 * a stored questionnaire e-mail ({@code InboundMailReceived}) to membership's handler, which starts the intake in
 * the storing transaction and reports back once: the outcome is recorded on the message.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
// The health groups name contributors of modules a slice does not boot (the engine's, the mail server's).
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class InboundMailIntakeModuleTest {

    @Autowired
    InboundStore store;

    @Autowired
    QuestionnairePdf generator;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoredQuestionnaireMailStartsTheIntakeWhichRecordsItsOutcome(Scenario scenario) {
        String email = TestQuestionnaires.newEmail();
        byte[] pdf = QuestionnairePdfs.filled(generator, Language.RU, TestQuestionnaires.adult(email), true);
        byte[] raw = MailCorpus.withPdf(email, "module-" + email, MailCorpus.SUBJECT_RU, pdf);

        scenario.stimulate(() ->
                        new InboundMailId(store.store(raw, raw.length, false).orElseThrow()))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> outcome(email), "HANDLED"::equals)
                .andVerify((outcome, id) -> {
                    assertThat(history.createHistoricProcessInstanceQuery()
                                    .processDefinitionKey(QuestionnaireIntakeProcess.PROCESS_ID)
                                    .processInstanceBusinessKey(QuestionnaireIntakeProcess.businessKey(id))
                                    .count())
                            .isEqualTo(1);
                    assertThat(jdbc.sql("SELECT count(*) FROM membership_application WHERE email = :e")
                                    .param("e", email)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(1);
                });
    }

    private String outcome(String sender) {
        return jdbc.sql("SELECT outcome FROM mail_inbound WHERE sender = :s")
                .param("s", sender)
                .query(String.class)
                .optional()
                .orElse("");
    }
}
