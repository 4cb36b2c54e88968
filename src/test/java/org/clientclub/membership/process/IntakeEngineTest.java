package org.clientclub.membership.process;

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
import org.clientclub.mail.InboundMailReceived;
import org.junit.jupiter.api.Test;

/** Staff processing a message again: refused while a person types it in, and replaces a run stuck elsewhere. */
class IntakeEngineTest {

    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final IntakeEngine engine = new IntakeEngine(runtime);

    @Test
    void aNewMessageStartsTheIntakeWithItsId() {
        engine.on(new InboundMailReceived(7, false));

        verify(runtime)
                .startProcessInstanceByKey(
                        QuestionnaireIntakeProcess.PROCESS_ID,
                        "mail-7",
                        Map.of(QuestionnaireIntakeProcess.VAR_INBOUND_MAIL_ID, 7L));
    }

    @Test
    void processingAgainIsRefusedWhileTheTranscriptionTaskIsOpen() {
        earlierRunWaitingAt(QuestionnaireIntakeProcess.TASK_TRANSCRIBE_QUESTIONNAIRE);

        assertThatThrownBy(() -> engine.on(new InboundMailReceived(7, true))).hasMessage("intake.reprocess.running");
        verify(runtime, never()).deleteProcessInstance(anyString(), anyString());
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
    }

    @Test
    void processingAgainReplacesARunStuckOnAnIncident() {
        earlierRunWaitingAt(QuestionnaireIntakeProcess.TASK_SEND_REJECTION);

        engine.on(new InboundMailReceived(7, true));

        verify(runtime).deleteProcessInstance(eq("earlier"), any());
        verify(runtime)
                .startProcessInstanceByKey(
                        QuestionnaireIntakeProcess.PROCESS_ID,
                        "mail-7",
                        Map.of(QuestionnaireIntakeProcess.VAR_INBOUND_MAIL_ID, 7L));
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
