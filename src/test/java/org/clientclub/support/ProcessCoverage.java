package org.clientclub.support;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * The flow nodes of some diagrams and which of them a test class reached: node coverage, as the engine's history
 * records it (sequence flows leave no history in Camunda 7, so they are not counted).
 */
public final class ProcessCoverage {

    private final Map<String, Set<String>> nodes = new TreeMap<>();
    private final Map<String, Set<String>> reached = new TreeMap<>();

    /** Counts every flow node of the diagram: tasks, events (boundary events too), gateways, sub-processes. */
    public void addDiagram(String processKey, BpmnModelInstance model) {
        nodes.computeIfAbsent(
                processKey,
                key -> model.getModelElementsByType(FlowNode.class).stream()
                        .map(FlowNode::getId)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** An activity id from the history; ids the diagram does not have (a multi-instance body) are ignored. */
    public void reached(String processKey, String activityId) {
        Set<String> known = nodes.get(processKey);
        if (known != null && known.contains(activityId)) {
            reached.computeIfAbsent(processKey, key -> new TreeSet<>()).add(activityId);
        }
    }

    /** Reached nodes over all nodes of every diagram added; 1 when there is none. */
    public double ratio() {
        int total = nodes.values().stream().mapToInt(Set::size).sum();
        int hit = reached.values().stream().mapToInt(Set::size).sum();
        return total == 0 ? 1.0 : (double) hit / total;
    }

    /** Per diagram, the nodes no test reached. */
    public Map<String, Set<String>> missing() {
        Map<String, Set<String>> missing = new TreeMap<>();
        nodes.forEach((key, all) -> {
            Set<String> left = new TreeSet<>(all);
            left.removeAll(reached.getOrDefault(key, Set.of()));
            missing.put(key, left);
        });
        return missing;
    }

    /** One line per diagram: reached of all, and what was not reached. */
    public String report() {
        StringBuilder out = new StringBuilder();
        nodes.forEach((key, all) -> out.append(key)
                .append(": ")
                .append(reached.getOrDefault(key, Set.of()).size())
                .append(" of ")
                .append(all.size())
                .append(" nodes, not reached ")
                .append(missing().get(key))
                .append('\n'));
        return out.append(String.format(java.util.Locale.ROOT, "total %.3f%n", ratio()))
                .toString();
    }
}
