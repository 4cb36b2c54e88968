package org.clientclub.membership.process;

import static org.clientclub.membership.process.QuestionnaireIntakeProcess.PROCESS_ID;
import static org.clientclub.membership.process.QuestionnaireIntakeProcess.VAR_INBOUND_MAIL_ID;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.clientclub.mail.InboundMailReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts QuestionnaireIntakeProcess for each message of the club mailbox. It listens synchronously, inside the
 * transaction that stores the message: the process starts with the message or not at all, and its first step
 * runs as a job of its own (docs/decisions/0011-questionnaire-intake-process.md).
 */
@Component
public class IntakeEngine {

    private final RuntimeService runtime;

    IntakeEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(InboundMailReceived received) {
        String businessKey = QuestionnaireIntakeProcess.businessKey(received.inboundId());
        if (received.reprocess()) {
            List<ProcessInstance> earlier = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(PROCESS_ID)
                    .processInstanceBusinessKey(businessKey)
                    .list();
            boolean withStaff = earlier.stream()
                    .anyMatch(pi -> runtime.getActiveActivityIds(pi.getId())
                            .contains(QuestionnaireIntakeProcess.TASK_TRANSCRIBE_QUESTIONNAIRE));
            if (withStaff) {
                throw new IllegalStateException("intake.reprocess.running");
            }
            // An earlier run stuck on an incident gives way to the new one.
            earlier.forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "Processed again by staff"));
        }
        runtime.startProcessInstanceByKey(PROCESS_ID, businessKey, Map.of(VAR_INBOUND_MAIL_ID, received.inboundId()));
    }
}
