/** Consents to personal-data processing, one record per applicant or guardian and document version. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.internal.consents;
