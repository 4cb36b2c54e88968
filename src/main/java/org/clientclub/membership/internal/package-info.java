/** Membership's implementation: applications, members, consent records, link tokens and their persistence. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.internal;
