package org.clientclub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.clientclub.security.AppRoles;
import org.junit.jupiter.api.Test;

/**
 * Lints every diagram under processes/ and every form under forms/: file names match ids, element ids follow
 * the naming table, user tasks name existing forms and known groups, and every task with side effects runs
 * asynchronously (in its own retried job).
 */
class ProcessModelLintTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern SUFFIX = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Map<Class<? extends BaseElement>, String> PREFIXES = Map.of(
            StartEvent.class,
            "StartEvent_",
            EndEvent.class,
            "EndEvent_",
            ExclusiveGateway.class,
            "Gateway_",
            SequenceFlow.class,
            "Flow_",
            Message.class,
            "Message_",
            UserTask.class,
            "Task_",
            ServiceTask.class,
            "Task_",
            ReceiveTask.class,
            "Task_",
            SendTask.class,
            "Task_");

    @Test
    void diagramFileNamesAreTheirProcessIds() throws IOException {
        for (Path file : diagrams()) {
            Process process = single(read(file).getModelElementsByType(Process.class));
            assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
            assertThat(process.isExecutable()).as("%s is executable", file).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString())
                    .as("%s has a history time to live", file)
                    .isNotBlank();
        }
    }

    @Test
    void elementIdsFollowTheNamingGuide() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path file : diagrams()) {
            BpmnModelInstance model = read(file);
            PREFIXES.forEach((type, prefix) -> model.getModelElementsByType(type)
                    .forEach(e -> {
                        if (!hasPrefix(e.getId(), prefix)) {
                            bad.add(file + ": " + e.getId() + " should start with " + prefix);
                        }
                    }));
            model.getModelElementsByType(BoundaryEvent.class).forEach(e -> {
                if (!hasPrefix(e.getId(), "Timer_")
                        && !hasPrefix(e.getId(), "Error_")
                        && !hasPrefix(e.getId(), "Message_")) {
                    bad.add(file + ": " + e.getId() + " should start with Timer_, Error_ or Message_");
                }
            });
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyTaskWithSideEffectsIsAsynchronous() throws IOException {
        List<String> synchronous = new ArrayList<>();
        for (Path file : diagrams()) {
            BpmnModelInstance model = read(file);
            Stream.of(ServiceTask.class, SendTask.class, ScriptTask.class)
                    .flatMap(type -> model.getModelElementsByType(type).stream())
                    .filter(task -> !task.isCamundaAsyncBefore())
                    .forEach(task -> synchronous.add(file + ": " + task.getId()));
        }
        assertThat(synchronous)
                .as("service, send and script tasks without asyncBefore")
                .isEmpty();
    }

    @Test
    void userTasksNameExistingFormsAndKnownGroups() throws IOException {
        Set<String> forms = formIds();
        List<String> bad = new ArrayList<>();
        for (Path file : diagrams()) {
            for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
                String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                if (formRef != null && !forms.contains(formRef)) {
                    bad.add(file + ": " + task.getId() + " refers to missing form " + formRef);
                }
                String groups = task.getCamundaCandidateGroups();
                if (groups == null || groups.isBlank()) {
                    bad.add(file + ": " + task.getId() + " has no candidate group");
                } else {
                    Arrays.stream(groups.split(","))
                            .map(String::trim)
                            .filter(g -> !AppRoles.ALL.contains(g))
                            .forEach(g -> bad.add(file + ": " + task.getId() + " names unknown group " + g));
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void formFileNamesAreTheirIdsAndFieldKeysAreUnique() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(FORMS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                assertThat(file.getFileName().toString())
                        .isEqualTo(form.path("id").asText() + ".form");
                List<String> keys = new ArrayList<>();
                form.path("components").forEach(c -> {
                    if (c.hasNonNull("key")) {
                        keys.add(c.get("key").asText());
                    }
                });
                assertThat(keys).as("field keys of %s", file).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void everyFlowNodeIsDrawn() throws IOException {
        for (Path file : diagrams()) {
            BpmnModelInstance model = read(file);
            Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId())
                    .collect(Collectors.toSet());
            List<String> undrawn =
                    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).stream()
                            .map(BaseElement::getId)
                            .filter(id -> !drawn.contains(id))
                            .toList();
            assertThat(undrawn).as("flow nodes of %s without a shape", file).isEmpty();
        }
    }

    private static boolean hasPrefix(String id, String prefix) {
        return id.startsWith(prefix)
                && SUFFIX.matcher(id.substring(prefix.length())).matches();
    }

    private static List<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            List<Path> found =
                    files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    private static Set<String> formIds() throws IOException {
        try (Stream<Path> files = Files.walk(FORMS)) {
            return files.filter(p -> p.toString().endsWith(".form"))
                    .map(p -> p.getFileName().toString().replace(".form", ""))
                    .collect(Collectors.toSet());
        }
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static <T> T single(java.util.Collection<T> items) {
        assertThat(items).hasSize(1);
        return items.iterator().next();
    }
}
