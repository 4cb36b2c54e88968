/** The inbox's implementation: server-side validation of Camunda Form submissions. */
@org.jspecify.annotations.NullMarked
package org.clientclub.tasks.internal;
