/**
 * The questionnaire as a fillable PDF: {@link org.clientclub.membership.internal.pdf.QuestionnairePdf} makes it
 * from the same field definitions as the web form, {@link org.clientclub.membership.internal.pdf.QuestionnairePdfReader}
 * reads filled copies that arrive by e-mail, within limits on every decode and parse and a few reads at a time per
 * node. See docs/decisions/0013-questionnaire-pdf.md and 0024-pdf-reads-bounded-per-decode-and-per-node.md.
 */
@org.jspecify.annotations.NullMarked
package org.clientclub.membership.internal.pdf;
