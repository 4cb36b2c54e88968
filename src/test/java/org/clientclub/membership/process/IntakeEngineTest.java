package org.clientclub.membership.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.clientclub.mail.InboundMailId;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundMailRefused;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundResult;
import org.clientclub.membership.internal.MailIntake;
import org.clientclub.shared.Language;
import org.junit.jupiter.api.Test;

/**
 * The intake as the club mailbox's handler: it keeps the message and starts the process with its id; processing
 * again is refused while a person types it in, and replaces a run stuck elsewhere.
 */
class IntakeEngineTest {

    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final MailIntake intake = mock(MailIntake.class);
    private final IntakeEngine engine = new IntakeEngine(runtime, intake);
    private final InboundMessage message = new InboundMessage(
            "m@example.org",
            "anna@example.org",
            "Анкета",
            null,
            Language.RU,
            InboundMessage.Automatic.NONE,
            false,
            false,
            List.of(),
            "",
            List.of(),
            List.of());

    @Test
    void aNewMessageIsKeptAndStartsTheIntakeWithItsId() {
        assertThat(engine.handle(received(false))).contains(InboundResult.received());

        verify(intake).keep(new InboundMailId(7), message);
        verify(runtime)
                .startProcessInstanceByKey(
                        QuestionnaireIntakeProcess.PROCESS_ID,
                        "mail-7",
                        Map.of(QuestionnaireIntakeProcess.INBOUND_MAIL_ID.name(), 7L));
    }

    @Test
    void processingAgainIsRefusedWhileTheTranscriptionTaskIsOpen() {
        earlierRunWaitingAt(QuestionnaireIntakeProcess.TASK_TRANSCRIBE_QUESTIONNAIRE);

        assertThatThrownBy(() -> engine.handle(received(true)))
                .isInstanceOfSatisfying(
                        InboundMailRefused.class, e -> assertThat(e.reasonKey()).isEqualTo("intake.reprocess.running"));
        verify(intake, never()).keep(any(), any());
        verify(runtime, never()).deleteProcessInstance(anyString(), anyString());
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
    }

    @Test
    void processingAgainReplacesARunStuckOnAnIncident() {
        earlierRunWaitingAt(QuestionnaireIntakeProcess.TASK_SEND_REJECTION);

        engine.handle(received(true));

        verify(runtime).deleteProcessInstance(eq("earlier"), any());
        verify(runtime)
                .startProcessInstanceByKey(
                        QuestionnaireIntakeProcess.PROCESS_ID,
                        "mail-7",
                        Map.of(QuestionnaireIntakeProcess.INBOUND_MAIL_ID.name(), 7L));
    }

    private InboundMailReceived received(boolean reprocess) {
        return new InboundMailReceived(new InboundMailId(7), message, reprocess);
    }

    private void earlierRunWaitingAt(String activity) {
        ProcessInstance earlier = mock(ProcessInstance.class);
        when(earlier.getId()).thenReturn("earlier");
        when(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(QuestionnaireIntakeProcess.PROCESS_ID)
                        .processInstanceBusinessKey("mail-7")
                        .list())
                .thenReturn(List.of(earlier));
        when(runtime.getActiveActivityIds("earlier")).thenReturn(List.of(activity));
    }
}
