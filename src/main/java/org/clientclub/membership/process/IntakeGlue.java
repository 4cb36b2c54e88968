package org.clientclub.membership.process;

import static org.clientclub.membership.process.QuestionnaireIntakeProcess.VAR_INBOUND_MAIL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.clientclub.mail.InboundMailId;
import org.clientclub.membership.internal.MailIntake;
import org.springframework.stereotype.Component;

/** What QuestionnaireIntakeProcess.bpmn calls ({@code ${questionnaireIntake.read(execution)}}). */
@Component("questionnaireIntake")
public class IntakeGlue {

    private final MailIntake intake;

    public IntakeGlue(MailIntake intake) {
        this.intake = intake;
    }

    /** @return the decision's name, which the process keeps in {@code intakeOutcome} */
    public String read(DelegateExecution execution) {
        return intake.read(inboundMailId(execution)).name();
    }

    public void startOnboardingFromTranscription(DelegateExecution execution) {
        intake.startOnboardingFromTranscription(inboundMailId(execution));
    }

    public void sendRejection(DelegateExecution execution) {
        intake.sendRejection(
                inboundMailId(execution), execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
    }

    private static InboundMailId inboundMailId(DelegateExecution execution) {
        return new InboundMailId(((Number) execution.getVariable(VAR_INBOUND_MAIL_ID)).longValue());
    }
}
