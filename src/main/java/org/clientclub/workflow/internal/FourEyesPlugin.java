package org.clientclub.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.clientclub.workflow.FourEyesRefused;
import org.clientclub.workflow.FourEyesRefused.Reason;
import org.clientclub.workflow.FourEyesTask;
import org.springframework.stereotype.Component;

/**
 * Four eyes in the engine rather than in one screen: every user task with the {@link FourEyesTask#PROPERTY} property
 * gets a built-in complete listener (built-in, so neither a diagram nor "skip listeners" can drop it) that refuses
 * the completion unless the task has an assignee who is not the requester and, when the engine knows who is acting
 * (the webapps set the logged-in user), that user is the assignee.
 */
@Component
public class FourEyesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String variable = fourEyesVariable(element);
                if (variable != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new FourEyesListener(variable));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);

        // The engine wraps whatever a task listener throws in a plain ProcessEngineException (which the REST API
        // answers with 500); callers get the refusal itself instead, a 403 with its reason.
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException e) {
                    for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
                        if (cause instanceof FourEyesRefused refused) {
                            throw refused;
                        }
                    }
                    throw e;
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        // A refusal is final: trying the job again later (the global back-off, decision 0031) would only be refused
        // again, so the job raises its incident at once and a manager may retry it from Cockpit.
        configuration.setFailedJobCommandFactory((jobId, exception) -> isRefusal(exception)
                ? new DefaultJobRetryCmd(jobId, exception) {
                    @Override
                    public Object execute(CommandContext context) {
                        super.execute(context);
                        JobEntity job = getJob();
                        if (job != null) {
                            job.setRetries(0);
                        }
                        return null;
                    }
                }
                : new DefaultJobRetryCmd(jobId, exception));
    }

    static boolean isRefusal(Throwable exception) {
        Throwable t = exception;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof FourEyesRefused) {
                return true;
            }
        }
        return false;
    }

    /** The value of the task's camunda:property {@link FourEyesTask#PROPERTY}, or null. */
    static String fourEyesVariable(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties =
                extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> FourEyesTask.PROPERTY.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst()
                .orElse(null);
    }

    /** Refuses the completion of a four-eyes task; the exception rolls back the command that tried it. */
    record FourEyesListener(String requesterVariable) implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            Authentication acting =
                    task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            Reason refusal = refusal(
                    task.getAssignee(),
                    acting == null ? null : acting.getUserId(),
                    task.getVariable(requesterVariable));
            if (refusal != null) {
                throw new FourEyesRefused(refusal, task.getTaskDefinitionKey());
            }
        }

        static Reason refusal(String assignee, String actingUser, Object requester) {
            if (assignee == null) {
                return Reason.NO_ASSIGNEE;
            }
            if (actingUser != null && !actingUser.equals(assignee)) {
                return Reason.NOT_THE_ASSIGNEE;
            }
            if (!(requester instanceof String requestedBy) || requestedBy.isBlank()) {
                return Reason.NO_REQUESTER;
            }
            return requestedBy.equals(assignee) ? Reason.REQUESTER : null;
        }
    }
}
