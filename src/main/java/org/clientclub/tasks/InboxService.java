package org.clientclub.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.clientclub.security.CurrentStaff;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.clientclub.tasks.internal.FormValidator;
import org.clientclub.tasks.internal.InboxQuery;
import org.clientclub.workflow.FourEyesRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox API. A member of staff sees and works on tasks assigned to them and tasks of their groups (their
 * roles are Camunda groups); every method checks that again on the server, whatever the page showed.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class InboxService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final FormService forms;
    private final StaffDirectory staff;
    private final InboxQuery pages;
    /** (process definition id, task definition key) → its form; definitions are immutable once deployed. */
    private final Map<String, Optional<String>> formKeys = new ConcurrentHashMap<>();

    private static final int FORM_KEYS_KEPT = 10_000;

    public InboxService(
            TaskService tasks,
            RuntimeService runtime,
            RepositoryService repository,
            FormService forms,
            StaffDirectory staff,
            InboxQuery pages) {
        this.pages = pages;
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.forms = forms;
        this.staff = staff;
    }

    /** One page of the inbox. There is no total: counting 100,000 tasks on every refresh costs more than the page. */
    public List<InboxTask> tasks(InboxFilter filter, int offset, int limit) {
        return tasks(filter, null, offset, limit);
    }

    /**
     * The page after {@code after}, the last task of the page before (from the start when null), leaving out
     * {@code skip} tasks first: keyset paging along our indexes (docs/decisions/0034), so the next page costs what the
     * first does and a task that comes or goes between two pages neither repeats nor hides another. One statement,
     * so no transaction around it: a read-only one cost a round trip more than the page itself at 1,000,000 tasks.
     */
    public List<InboxTask> tasks(InboxFilter filter, @Nullable InboxCursor after, int skip, int limit) {
        CurrentStaff me = CurrentStaff.require();
        List<InboxQuery.Row> rows = pages.page(
                new InboxQuery.Viewer(me.username(), groups(me)), filter, after, Math.max(0, skip), Math.max(0, limit));
        return rows.stream()
                .map(r -> new InboxTask(
                        r.id(),
                        r.name(),
                        r.taskDefinitionKey(),
                        r.processDefinitionKey(),
                        r.processDefinitionName() == null
                                ? Objects.requireNonNullElse(r.processDefinitionKey(), "")
                                : r.processDefinitionName(),
                        r.businessKey(),
                        r.description(),
                        r.created(),
                        r.due(),
                        r.priority(),
                        r.assignee(),
                        formKey(r.processDefinitionId(), r.taskDefinitionKey())))
                .toList();
    }

    /**
     * The user task's form reference or form key, from the deployed model. A deployed definition never changes, so
     * what it says is kept here: asking the engine costs a command and a query per page.
     */
    private @Nullable String formKey(@Nullable String processDefinitionId, @Nullable String taskDefinitionKey) {
        if (processDefinitionId == null || taskDefinitionKey == null) {
            return null;
        }
        if (formKeys.size() > FORM_KEYS_KEPT) {
            formKeys.clear();
        }
        return formKeys.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey, k -> {
                    if (repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey)
                            instanceof UserTask task) {
                        return Optional.ofNullable(
                                task.getCamundaFormRef() != null ? task.getCamundaFormRef() : task.getCamundaFormKey());
                    }
                    return Optional.<String>empty();
                })
                .orElse(null);
    }

    @Transactional(readOnly = true)
    public List<ProcessOption> processes() {
        return repository
                .createProcessDefinitionQuery()
                .latestVersion()
                .active()
                .orderByProcessDefinitionName()
                .asc()
                .list()
                .stream()
                .map(d -> new ProcessOption(d.getKey(), d.getName() == null ? d.getKey() : d.getName()))
                .toList();
    }

    /** The task, if it is still open and the user may see it. */
    @Transactional(readOnly = true)
    public Optional<InboxTask> task(String taskId) {
        return visibleTask(taskId, CurrentStaff.require()).map(t -> toInboxTask(t, context(List.of(t))));
    }

    /** The task's Camunda Form, when it has one. */
    @Transactional(readOnly = true)
    public Optional<CamundaForm> form(String taskId) {
        Task task = visibleTask(taskId, CurrentStaff.require()).orElseThrow(() -> new TaskUnavailable(taskId));
        if (task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
            return Optional.of(CamundaForm.parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Form of task " + taskId + " is unreadable", e);
        }
    }

    @Transactional
    public void claim(String taskId) {
        CurrentStaff me = CurrentStaff.require();
        Task task = visibleTask(taskId, me).orElseThrow(() -> new TaskUnavailable(taskId));
        if (task.getAssignee() != null && !task.getAssignee().equals(me.username())) {
            throw new TaskAssignedToOther(task.getAssignee());
        }
        tasks.setAssignee(taskId, me.username());
    }

    @Transactional
    public void unclaim(String taskId) {
        CurrentStaff me = CurrentStaff.require();
        Task task = visibleTask(taskId, me).orElseThrow(() -> new TaskUnavailable(taskId));
        if (task.getAssignee() != null && !task.getAssignee().equals(me.username())) {
            throw new TaskAssignedToOther(task.getAssignee());
        }
        tasks.setAssignee(taskId, null);
    }

    /** Hands the task to a colleague who belongs to one of its candidate groups. */
    @Transactional
    public void assign(String taskId, String username) {
        CurrentStaff me = CurrentStaff.require();
        visibleTask(taskId, me).orElseThrow(() -> new TaskUnavailable(taskId));
        boolean eligible =
                colleagues(taskId).stream().anyMatch(a -> a.username().equals(username));
        if (!eligible) {
            throw new IllegalArgumentException("Cannot assign to " + username);
        }
        tasks.setAssignee(taskId, username);
    }

    /** Staff who may work on the task: members of its candidate groups. */
    @Transactional(readOnly = true)
    public List<StaffAccount> colleagues(String taskId) {
        visibleTask(taskId, CurrentStaff.require()).orElseThrow(() -> new TaskUnavailable(taskId));
        Set<String> groups = candidateGroups(taskId);
        Map<String, StaffAccount> byName = new HashMap<>();
        groups.forEach(g -> staff.findByRole(g).forEach(a -> byName.put(a.username(), a)));
        List<StaffAccount> result = new ArrayList<>(byName.values());
        result.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()));
        return result;
    }

    /**
     * Completes the task with the values, after checking them against its Camunda Form. A task nobody holds is
     * claimed for the user first; a task a colleague holds is refused.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> values) {
        CurrentStaff me = CurrentStaff.require();
        Task task = visibleTask(taskId, me).orElseThrow(() -> new TaskUnavailable(taskId));
        if (task.getAssignee() != null && !task.getAssignee().equals(me.username())) {
            throw new TaskAssignedToOther(task.getAssignee());
        }
        Optional<CamundaForm> form = form(taskId);
        if (form.isPresent()) {
            Map<String, String> errors = FormValidator.validate(form.get(), values);
            if (!errors.isEmpty()) {
                throw new FormInvalid(errors);
            }
        }
        if (task.getAssignee() == null) {
            tasks.setAssignee(taskId, me.username());
        }
        try {
            tasks.complete(taskId, values);
        } catch (NullValueException e) {
            throw new TaskUnavailable(taskId);
        } catch (FourEyesRefused e) {
            // The engine holds the rule (workflow.FourEyesTask); this transaction, the claim above too, rolls back.
            if (e.reason() == FourEyesRefused.Reason.REQUESTER) {
                throw new FourEyesRequired();
            }
            throw e;
        }
    }

    private Optional<Task> visibleTask(String taskId, CurrentStaff me) {
        if (taskId == null || taskId.length() > 64) {
            return Optional.empty();
        }
        TaskQuery query = tasks.createTaskQuery().taskId(taskId);
        visibleTo(query, me);
        return Optional.ofNullable(query.initializeFormKeys().singleResult());
    }

    private static void visibleTo(TaskQuery query, CurrentStaff me) {
        query.or()
                .taskAssignee(me.username())
                .taskCandidateGroupIn(groups(me))
                .includeAssignedTasks()
                .endOr();
    }

    private static List<String> groups(CurrentStaff me) {
        // An empty list would match nothing but is refused by the engine; a group nobody has does the same job.
        return me.roles().isEmpty() ? List.of("-") : List.copyOf(me.roles());
    }

    private Set<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    /** Process names and business keys of a page of tasks, in two queries rather than two per task. */
    private record PageContext(Map<String, ProcessDefinition> definitions, Map<String, String> businessKeys) {}

    private PageContext context(List<Task> page) {
        Set<String> definitionIds = page.stream()
                .map(Task::getProcessDefinitionId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> instanceIds = page.stream()
                .map(Task::getProcessInstanceId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, ProcessDefinition> definitions = definitionIds.isEmpty()
                ? Map.of()
                : repository
                        .createProcessDefinitionQuery()
                        .processDefinitionIdIn(definitionIds.toArray(String[]::new))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(ProcessDefinition::getId, d -> d));
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds)
                    .list()
                    .forEach(pi -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
        }
        return new PageContext(definitions, businessKeys);
    }

    private static InboxTask toInboxTask(Task t, PageContext context) {
        ProcessDefinition definition = context.definitions().get(t.getProcessDefinitionId());
        String processKey = definition == null ? null : definition.getKey();
        String processName =
                definition == null ? "" : definition.getName() == null ? definition.getKey() : definition.getName();
        return new InboxTask(
                t.getId(),
                t.getName(),
                t.getTaskDefinitionKey(),
                processKey,
                processName,
                context.businessKeys().get(t.getProcessInstanceId()),
                t.getDescription(),
                instant(t.getCreateTime()),
                instant(t.getDueDate()),
                t.getPriority(),
                t.getAssignee(),
                t.getCamundaFormRef() == null
                        ? t.getFormKey()
                        : t.getCamundaFormRef().getKey());
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
