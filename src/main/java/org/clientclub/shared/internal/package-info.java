/** Shared's implementation: its bean configuration and the start-up report; no other module sees it. */
@org.jspecify.annotations.NullMarked
package org.clientclub.shared.internal;
