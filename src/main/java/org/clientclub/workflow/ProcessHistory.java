package org.clientclub.workflow;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What the club's processes did for one aggregate (an application, a member...), for staff pages. */
@Service
public class ProcessHistory {

    /** Activity types worth showing a person: waits, tasks and ends, not gateways or flows. */
    private static final List<String> SHOWN_TYPES = List.of(
            "startEvent",
            "serviceTask",
            "userTask",
            "receiveTask",
            "sendTask",
            "noneEndEvent",
            "boundaryTimer",
            "intermediateTimer",
            "intermediateMessageCatch");

    private final HistoryService history;
    private final RepositoryService repository;

    public ProcessHistory(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    public record Instance(
            String processInstanceId,
            String processName,
            String state,
            Instant started,
            @Nullable Instant ended,
            List<Step> steps) {}

    public record Step(
            String activityId,
            String activityName,
            String activityType,
            Instant started,
            @Nullable Instant ended,
            @Nullable String assignee) {}

    @PreAuthorize("isAuthenticated()")
    public List<Instance> forBusinessKeys(List<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return List.of();
        }
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new))
                .orderByProcessInstanceStartTime()
                .asc()
                .list();
        Map<String, String> names = instances.stream()
                .map(HistoricProcessInstance::getProcessDefinitionId)
                .distinct()
                .map(id -> repository.getProcessDefinition(id))
                .collect(Collectors.toMap(
                        ProcessDefinition::getId, d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a));
        return instances.stream()
                .map(pi -> new Instance(
                        pi.getId(),
                        names.get(pi.getProcessDefinitionId()),
                        pi.getState(),
                        instant(pi.getStartTime()),
                        instant(pi.getEndTime()),
                        steps(pi.getId())))
                .toList();
    }

    private List<Step> steps(String processInstanceId) {
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .filter(a -> SHOWN_TYPES.contains(a.getActivityType()))
                .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
                .map(a -> new Step(
                        a.getActivityId(),
                        a.getActivityName() == null ? a.getActivityId() : a.getActivityName(),
                        a.getActivityType(),
                        instant(a.getStartTime()),
                        instant(a.getEndTime()),
                        a.getAssignee()))
                .toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
