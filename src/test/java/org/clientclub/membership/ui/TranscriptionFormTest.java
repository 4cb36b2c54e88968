package org.clientclub.membership.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.membership.Region;
import org.clientclub.membership.process.QuestionnaireIntakeProcess;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.clientclub.tasks.ui.TaskView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "Transcribe questionnaire" task page: the scanned PDF beside the questionnaire's fields; what staff type
 * in is checked like the web form and starts onboarding at the sender's address, or the sender is answered.
 */
class TranscriptionFormTest extends KaribuTest {

    @Autowired
    InboundStore store;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffTypeInAScannedQuestionnaireAndOnboardingStartsAtTheSendersAddress() {
        String sender = TestQuestionnaires.newEmail();
        Task task = transcriptionTaskFor(sender);
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(TaskView.class, task.getId());

        assertThat(_get(IFrame.class, spec -> spec.withId("transcription-attachment"))
                        .getSrc())
                .isNotBlank();
        _click(_get(Button.class, spec -> spec.withId("transcription-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("field-lastName")).isInvalid())
                .as("an empty transcription is refused field by field")
                .isTrue();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        _get(TextField.class, spec -> spec.withId("field-lastName")).setValue("Петрова");
        _get(TextField.class, spec -> spec.withId("field-firstName")).setValue("Анна");
        _get(DatePicker.class, spec -> spec.withId("field-birthDate")).setValue(LocalDate.of(1961, 3, 8));
        @SuppressWarnings("unchecked")
        ComboBox<Region> region = _get(ComboBox.class, spec -> spec.withId("field-region"));
        region.setValue(region.getListDataView()
                .getItems()
                .filter(r -> r.code().equals("77"))
                .findFirst()
                .orElseThrow());
        _get(TextField.class, spec -> spec.withId("field-town")).setValue("Москва");
        _get(TextField.class, spec -> spec.withId("field-postcode")).setValue("101000");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> ready =
                _get(RadioButtonGroup.class, spec -> spec.withId("field-readyForInteraction"));
        ready.setValue(true);
        _get(Checkbox.class, spec -> spec.withId("transcription-consent")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("transcription-save")));

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM membership_application WHERE email = :e AND channel = 'MAIL' AND last_name = 'Петрова'")
                                .param("e", sender)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void staffWhoCannotReadItHaveTheSenderToldWhy() {
        String sender = TestQuestionnaires.newEmail();
        Task task = transcriptionTaskFor(sender);
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(TaskView.class, task.getId());

        @SuppressWarnings("unchecked")
        Select<String> reason = _get(Select.class, spec -> spec.withId("transcription-reject-reason"));
        reason.setValue("illegible");
        _click(_get(Button.class, spec -> spec.withId("transcription-reject")));

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM mail_outbox WHERE recipient = :e AND template = 'questionnaire-rejected'")
                                .param("e", sender)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("SELECT outcome || '/' || reason FROM mail_inbound WHERE sender = :e")
                        .param("e", sender)
                        .query(String.class)
                        .single())
                .isEqualTo("ANSWERED/intake.reason.illegible");
    }

    /** A message from the sender with a scanned questionnaire, read by the intake up to the staff task. */
    private Task transcriptionTaskFor(String sender) {
        byte[] bytes = MailCorpus.withPdf(sender, "scan-" + sender, "scan", QuestionnairePdfs.imageOnly());
        long id = store.store(bytes, bytes.length, false).orElseThrow();
        String businessKey = QuestionnaireIntakeProcess.businessKey(new InboundMailId(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(businessKey)
                                .count()
                        == 1);
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }
}
