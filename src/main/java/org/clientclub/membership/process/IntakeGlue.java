package org.clientclub.membership.process;

import org.clientclub.mail.InboundMailId;
import org.clientclub.membership.internal.MailIntake;
import org.springframework.stereotype.Component;

/**
 * What QuestionnaireIntakeProcess.bpmn calls, with the message's id ({@code ${questionnaireIntake.read(inboundMailId)}}).
 */
@Component("questionnaireIntake")
public class IntakeGlue {

    private final MailIntake intake;

    public IntakeGlue(MailIntake intake) {
        this.intake = intake;
    }

    /** @return the decision's name, which the process keeps in {@code intakeOutcome} */
    public String read(long inboundMailId) {
        return intake.read(new InboundMailId(inboundMailId)).name();
    }

    public void startOnboardingFromTranscription(long inboundMailId) {
        intake.startOnboardingFromTranscription(new InboundMailId(inboundMailId));
    }

    /** The answer is sent once per run of the process, however often its job is tried. */
    public void sendRejection(long inboundMailId, String processInstanceId) {
        intake.sendRejection(
                new InboundMailId(inboundMailId),
                processInstanceId + ":" + QuestionnaireIntakeProcess.TASK_SEND_REJECTION);
    }
}
