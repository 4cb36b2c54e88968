/**
 * The staff inbox: the tasks of the user and of the user's groups, claim and assignment, and task pages that
 * render the task's Camunda Form (forms/) server-side, validating on the server. Modules add their own panels
 * or forms to a task page through {@code tasks.spi}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "shared", "workflow"})
package org.clientclub.tasks;
