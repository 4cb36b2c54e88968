package org.clientclub.tasks.ui;

import com.vaadin.flow.component.Component;
import org.clientclub.tasks.InboxTask;

/**
 * Task and process names in the reader's language: the message {@code task.<taskDefinitionKey>} or
 * {@code process.<processKey>} when the bundles have one, else the name the diagram gives.
 */
final class TaskTexts {

    private TaskTexts() {}

    static String taskName(Component c, InboxTask task) {
        return translated(c, "task." + task.taskDefinitionKey(), task.name());
    }

    static String processName(Component c, String processKey, String fallback) {
        return processKey == null ? fallback : translated(c, "process." + processKey, fallback);
    }

    private static String translated(Component c, String key, String fallback) {
        String text = c.getTranslation(key);
        return text.equals(key) ? (fallback == null ? "" : fallback) : text;
    }
}
