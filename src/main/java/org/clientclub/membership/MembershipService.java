package org.clientclub.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.Language;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Membership's public API: the questionnaire and consent for the join page, the links members follow from
 * e-mails, and the members list for staff.
 */
public interface MembershipService {

    List<Region> regions(Language language);

    ConsentDocument currentConsent(Language language);

    /** The club's calendar: ages and "future" birth dates are judged by Moscow's date. */
    LocalDate today();

    /**
     * Accepts a questionnaire with its consent and starts onboarding, all in one transaction: a rejected or
     * failed submission stores nothing but its count against the client address's rate limit.
     *
     * @return the application's id; empty when the honeypot caught a bot (which is told nothing)
     * @throws QuestionnaireRejected with per-field message keys
     */
    Optional<ApplicationId> submit(Submission submission);

    /**
     * Accepts a questionnaire that came by e-mail, or that staff typed in from one: the web form's rate limit and
     * honeypot do not apply. Checked and stored like a web one, in the caller's transaction; a refusal writes
     * nothing and leaves the caller's transaction usable.
     *
     * @return the application's id
     * @throws QuestionnaireRejected with per-field message keys
     */
    ApplicationId submitMailed(Questionnaire questionnaire, int consentVersion, boolean consentAccepted, String sender);

    /** Checks the questionnaire against the rules and the current consent, without storing anything. */
    void check(Questionnaire questionnaire);

    int currentConsentVersion();

    /** What a link would do if followed now, for the page that asks the person to press the button. */
    ConfirmationResult checkLink(String token, boolean guardian);

    /** The applicant followed the link in the confirmation e-mail (double opt-in). */
    ConfirmationResult confirmEmail(String token);

    /**
     * Whose application the guardian is asked about, only while the link can still be answered: a used or expired
     * link, or one whose application closed, shows nothing about the child.
     */
    Optional<GuardianRequest> guardianRequest(String token);

    /** The guardian agreed or declined on the page their link opened; an agreement is recorded as consent. */
    ConfirmationResult answerGuardianRequest(String token, boolean consent, String clientAddress);

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    List<MemberSummary> searchMembers(String text, int offset, int limit);

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    Optional<MemberDetails> member(MemberId id, Language language);

    /** The questionnaire behind a process, for task pages. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    Optional<ApplicationView> applicationByBusinessKey(String businessKey, Language language);

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    Optional<MemberSummary> memberById(MemberId id);
}
