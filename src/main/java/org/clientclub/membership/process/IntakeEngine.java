package org.clientclub.membership.process;

import static org.clientclub.membership.process.QuestionnaireIntakeProcess.INBOUND_MAIL_ID;
import static org.clientclub.membership.process.QuestionnaireIntakeProcess.PROCESS_ID;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundMailRefused;
import org.clientclub.mail.InboundResult;
import org.clientclub.mail.spi.InboundMailHandler;
import org.clientclub.membership.internal.MailIntake;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Membership's handler of the club mailbox: takes every message (the last handler asked), keeps what the intake
 * needs of it and starts QuestionnaireIntakeProcess, inside the transaction that stores the message: the process
 * starts with the message or not at all, and its first step runs as a job of its own
 * (docs/decisions/0011-questionnaire-intake-process.md, 0026-inbound-mail-handed-over-once.md).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class IntakeEngine implements InboundMailHandler {

    private final RuntimeService runtime;
    private final MailIntake intake;

    IntakeEngine(RuntimeService runtime, MailIntake intake) {
        this.runtime = runtime;
        this.intake = intake;
    }

    @Override
    public Optional<InboundResult> handle(InboundMailReceived received) {
        String businessKey = QuestionnaireIntakeProcess.businessKey(received.id());
        if (received.reprocess()) {
            List<ProcessInstance> earlier = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(PROCESS_ID)
                    .processInstanceBusinessKey(businessKey)
                    .list();
            boolean withStaff = earlier.stream()
                    .anyMatch(pi -> runtime.getActiveActivityIds(pi.getId())
                            .contains(QuestionnaireIntakeProcess.TASK_TRANSCRIBE_QUESTIONNAIRE));
            if (withStaff) {
                throw new InboundMailRefused("intake.reprocess.running");
            }
            // An earlier run stuck on an incident gives way to the new one.
            earlier.forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "Processed again by staff"));
        }
        intake.keep(received.id(), received.message());
        runtime.startProcessInstanceByKey(
                PROCESS_ID, businessKey, INBOUND_MAIL_ID.put(Variables.createVariables(), received.id()));
        return Optional.of(InboundResult.received());
    }
}
