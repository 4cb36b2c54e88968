/**
 * The questionnaire as a fillable PDF: {@link org.clientclub.membership.internal.pdf.QuestionnairePdf} makes it
 * from the same field definitions as the web form, {@link org.clientclub.membership.internal.pdf.QuestionnairePdfReader}
 * reads filled copies that arrive by e-mail. See docs/decisions/0013-questionnaire-pdf.md.
 */
package org.clientclub.membership.internal.pdf;
