package org.clientclub.membership.internal.pdf;

import java.util.Map;
import org.clientclub.membership.Questionnaire;

/** What {@link QuestionnairePdfReader} made of a PDF. Reasons are codes (stable, for logs and staff messages). */
public sealed interface PdfReading {

    /**
     * Our questionnaire with its fields read back; not validated yet.
     *
     * @param values every non-empty field by its fully qualified PDF name, as found (for staff and diagnostics)
     */
    record Filled(Questionnaire questionnaire, boolean consentAccepted, int consentVersion, Map<String, String> values)
            implements PdfReading {

        public Filled {
            values = Map.copyOf(values);
        }
    }

    /**
     * Not readable as our form: scanned, photographed, flattened, or a viewer dropped the fields. Staff transcribe it.
     * Reason: {@code noFormFields}.
     */
    record NeedsTranscription(String reason) implements PdfReading {}

    /**
     * Not a questionnaire we can take. Reasons: {@code notOurQuestionnaire}, {@code encryptedPdf}, {@code corruptPdf},
     * {@code tooComplex} (over a size, object or decoded-stream limit), {@code blankQuestionnaire}.
     */
    record Rejected(String reason) implements PdfReading {}

    String NO_FORM_FIELDS = "noFormFields";
    String NOT_OUR_QUESTIONNAIRE = "notOurQuestionnaire";
    String ENCRYPTED = "encryptedPdf";
    String CORRUPT = "corruptPdf";
    String TOO_COMPLEX = "tooComplex";
    String BLANK = "blankQuestionnaire";
}
