/** Loyalty's BPMN and DMN glue: process constants, delegates called from the loyalty processes and the earning-rule decisions. */
@org.jspecify.annotations.NullMarked
package org.clientclub.loyalty.process;
