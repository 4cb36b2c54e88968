/** Membership's public web endpoints: confirmation links and the questionnaire PDF. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.web;
