/** The questionnaire's rules: validation, age limits, names, and the regions and consent documents it refers to. */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.internal.questionnaire;
