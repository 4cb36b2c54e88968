/** Membership's BPMN glue: process constants and the delegates the onboarding, intake and purge processes call. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.process;
