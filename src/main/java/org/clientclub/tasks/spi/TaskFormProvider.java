package org.clientclub.tasks.spi;

import com.vaadin.flow.component.Component;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A module's own Vaadin form for a task, used instead of the task's Camunda Form. The form calls
 * {@code complete} with the variables to complete the task with; the inbox does the completing, with the same
 * checks as for a Camunda Form.
 */
public interface TaskFormProvider {

    boolean supports(TaskRef task);

    Component createForm(TaskRef task, Consumer<Map<String, Object>> complete);
}
