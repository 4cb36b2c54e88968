/** The inbox's implementation: its page queries and indexes on the engine's tables, and form validation. */
@org.jspecify.annotations.NullMarked
package org.clientclub.tasks.internal;
