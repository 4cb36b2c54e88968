package org.clientclub.membership;

/**
 * A questionnaire with the separate consent that must accompany it.
 *
 * @param consentVersion  the version of the consent document the applicant was shown
 * @param consentAccepted whether they accepted it; without it nothing is stored
 * @param honeypot        a field people never see; anything in it means a bot filled the form
 */
public record Submission(
        Questionnaire questionnaire,
        int consentVersion,
        boolean consentAccepted,
        Channel channel,
        String clientAddress,
        String honeypot) {}
