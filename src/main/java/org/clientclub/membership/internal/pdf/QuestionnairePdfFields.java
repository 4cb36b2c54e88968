package org.clientclub.membership.internal.pdf;

import org.clientclub.membership.Interest;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.shared.Language;

/**
 * The names the generator gives the PDF's fields and the reader looks for. A questionnaire field is named by
 * its key; a field with several widgets that are not alternatives (the interests) is a parent named by its key
 * with one child per choice, so every key is a field of the form.
 */
public final class QuestionnairePdfFields {

    /** The marker that tells our questionnaire from any other PDF form: a hidden, read-only text field. */
    public static final String MARKER_FIELD = "clientclub.form";

    public static final String MARKER_VALUE = "clientclub-questionnaire";
    public static final String CONSENT_VERSION_FIELD = "clientclub.consentVersion";
    /** The language the form was printed in: the e-mail language of an applicant who left that question open. */
    public static final String FORM_LANGUAGE_FIELD = "clientclub.language";

    public static final String CONSENT_FIELD = "consent";
    /** Custom document-information entries that repeat the marker, for viewers that drop hidden fields. */
    public static final String INFO_FORM = "ClientClubForm";

    public static final String INFO_CONSENT_VERSION = "ClientClubConsentVersion";

    /** The on-state of every checkbox. */
    public static final String CHECKED = "Yes";

    public static final String YES = "yes";
    public static final String NO = "no";

    private QuestionnairePdfFields() {}

    public static String interest(Interest interest) {
        return QuestionnaireField.INTERESTS.key() + "." + interest.name();
    }

    /** The on-state of a language's radio button. */
    public static String language(Language language) {
        return language.code();
    }
}
