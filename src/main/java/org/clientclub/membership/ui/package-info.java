/** Membership's views: the public questionnaire and the staff member, application and transcription panels. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.ui;
