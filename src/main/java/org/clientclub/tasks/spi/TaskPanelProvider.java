package org.clientclub.tasks.spi;

import com.vaadin.flow.component.Component;

/**
 * A module's context for a task page, shown above the form: e.g. both records of a possible duplicate. Beans
 * of this type are asked in order; every one that supports the task adds its panel.
 */
public interface TaskPanelProvider {

    boolean supports(TaskRef task);

    Component createPanel(TaskRef task);
}
