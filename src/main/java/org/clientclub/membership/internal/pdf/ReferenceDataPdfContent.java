package org.clientclub.membership.internal.pdf;

import java.util.List;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.Region;
import org.clientclub.membership.internal.questionnaire.ReferenceData;
import org.clientclub.shared.Language;
import org.springframework.stereotype.Component;

/** The PDF's reference data from the same tables the web form uses, so both offer the same regions and consent. */
@Component
public class ReferenceDataPdfContent implements QuestionnairePdfContent {

    private final ReferenceData reference;

    public ReferenceDataPdfContent(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public List<Region> regions(Language language) {
        return reference.regions(language);
    }

    @Override
    public ConsentDocument currentConsent(Language language) {
        return reference.consent(reference.currentConsentVersion(), language).orElseThrow();
    }
}
