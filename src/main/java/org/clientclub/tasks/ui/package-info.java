/** The staff inbox views: the task list and the task page with its server-rendered Camunda Form. */
@org.jspecify.annotations.NullMarked
package org.clientclub.tasks.ui;
