/** Members: the members table, the only writer of it being onboarding's registration step. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.internal.members;
