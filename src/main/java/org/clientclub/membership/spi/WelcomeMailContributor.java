package org.clientclub.membership.spi;

import java.util.Map;
import org.clientclub.membership.MemberId;
import org.clientclub.shared.Language;

/**
 * Adds values to a new member's welcome e-mail (the loyalty card, for one). Called inside the transaction that
 * writes the e-mail to the outbox; the template shows what it knows and ignores the rest.
 */
public interface WelcomeMailContributor {

    Map<String, Object> contribute(MemberId memberId, Language language);
}
