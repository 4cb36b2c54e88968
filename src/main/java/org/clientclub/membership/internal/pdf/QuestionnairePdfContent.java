package org.clientclub.membership.internal.pdf;

import java.util.List;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.Region;
import org.clientclub.shared.Language;

/**
 * The reference data the PDF questionnaire shows and reads back: the region list and the consent in force. An
 * interface so that the generator and the reader run in plain unit tests without a database.
 */
public interface QuestionnairePdfContent {

    List<Region> regions(Language language);

    /** The consent document in force today, in the given language. */
    ConsentDocument currentConsent(Language language);
}
