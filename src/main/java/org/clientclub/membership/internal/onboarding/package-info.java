/**
 * Onboarding: the application as submitted and where it stands, its e-mailed links, the steps the onboarding
 * process calls, and the nightly purge of lapsed applications.
 */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.internal.onboarding;
