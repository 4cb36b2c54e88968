package org.clientclub.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clientclub.membership.internal.ConsentRecord;
import org.clientclub.membership.internal.ConsentRecordRepository;
import org.clientclub.membership.internal.LinkToken;
import org.clientclub.membership.internal.LinkTokenRepository;
import org.clientclub.membership.internal.Member;
import org.clientclub.membership.internal.MemberRepository;
import org.clientclub.membership.internal.MembershipApplication;
import org.clientclub.membership.internal.MembershipApplicationRepository;
import org.clientclub.membership.internal.QuestionnaireValidator;
import org.clientclub.membership.internal.ReferenceData;
import org.clientclub.membership.internal.SubmissionRateLimiter;
import org.clientclub.membership.internal.ValidQuestionnaire;
import org.clientclub.membership.process.OnboardingEngine;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.Language;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership's public API: the questionnaire and consent for the join page, the links members follow from
 * e-mails, and the members list for staff.
 */
@Service
public class MembershipService {

    /** The club's calendar: ages and "future" birth dates are judged by Moscow's date. */
    private final MembershipApplicationRepository applications;

    private final MemberRepository members;
    private final ConsentRecordRepository consents;
    private final LinkTokenRepository tokens;
    private final ReferenceData reference;
    private final SubmissionRateLimiter rateLimiter;
    private final OnboardingEngine onboarding;
    private final Clock clock;

    public MembershipService(
            MembershipApplicationRepository applications,
            MemberRepository members,
            ConsentRecordRepository consents,
            LinkTokenRepository tokens,
            ReferenceData reference,
            SubmissionRateLimiter rateLimiter,
            OnboardingEngine onboarding,
            Clock clock) {
        this.applications = applications;
        this.members = members;
        this.consents = consents;
        this.tokens = tokens;
        this.reference = reference;
        this.rateLimiter = rateLimiter;
        this.onboarding = onboarding;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Region> regions(Language language) {
        return reference.regions(language);
    }

    @Transactional(readOnly = true)
    public ConsentDocument currentConsent(Language language) {
        return reference.consent(reference.currentConsentVersion(), language).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClubTime.ZONE));
    }

    /**
     * Accepts a questionnaire with its consent and starts onboarding, all in one transaction: a rejected or
     * failed submission stores nothing but its count against the client address's rate limit.
     *
     * @return the application's id; empty when the honeypot caught a bot (which is told nothing)
     * @throws QuestionnaireRejected with per-field message keys
     */
    // A refusal is thrown before anything is stored; committing keeps only the attempt's count in the rate limit.
    @Transactional(noRollbackFor = QuestionnaireRejected.class)
    public Optional<ApplicationId> submit(Submission submission) {
        if (submission.honeypot() != null && !submission.honeypot().isEmpty()) {
            return Optional.empty();
        }
        if (!rateLimiter.tryAcquire(submission.clientAddress())) {
            throw new QuestionnaireRejected(Map.of("form", "validation.rateLimited"));
        }
        return Optional.of(accept(submission));
    }

    /**
     * Accepts a questionnaire that came by e-mail, or that staff typed in from one: the web form's rate limit and
     * honeypot do not apply. Checked and stored like a web one, in the caller's transaction.
     *
     * @return the application's id
     * @throws QuestionnaireRejected with per-field message keys
     */
    // A refusal writes nothing: it must not doom the caller's transaction, which goes on to answer the sender.
    @Transactional(noRollbackFor = QuestionnaireRejected.class)
    public ApplicationId submitMailed(
            Questionnaire questionnaire, int consentVersion, boolean consentAccepted, String sender) {
        return accept(new Submission(questionnaire, consentVersion, consentAccepted, Channel.MAIL, sender, null));
    }

    /** Checks the questionnaire against the rules and the current consent, without storing anything. */
    @Transactional(readOnly = true, noRollbackFor = QuestionnaireRejected.class)
    public void check(Questionnaire questionnaire) {
        validator().validate(questionnaire, today());
    }

    public int currentConsentVersion() {
        return reference.currentConsentVersion();
    }

    private ApplicationId accept(Submission submission) {
        int currentConsent = reference.currentConsentVersion();
        if (!submission.consentAccepted() || submission.consentVersion() != currentConsent) {
            throw new QuestionnaireRejected(Map.of("consent", "validation.consent.required"));
        }
        ValidQuestionnaire valid = validator().validate(submission.questionnaire(), today());
        Instant now = clock.instant();
        MembershipApplication application =
                applications.saveAndFlush(new MembershipApplication(valid, submission.channel(), now));
        consents.save(new ConsentRecord(
                application.getId(),
                ConsentRecord.APPLICANT,
                valid.email().value(),
                currentConsent,
                valid.language().code(),
                submission.channel().name(),
                now,
                submission.clientAddress()));
        onboarding.start(application.id(), application.needsGuardian(), application.isReadyForInteraction());
        return application.id();
    }

    private QuestionnaireValidator validator() {
        return new QuestionnaireValidator(
                code -> reference.region(code, Language.RU).isPresent());
    }

    /** What a link would do if followed now, for the page that asks the person to press the button. */
    @Transactional(readOnly = true)
    public ConfirmationResult checkLink(String token, boolean guardian) {
        return lookUp(token, guardian ? LinkToken.GUARDIAN_CONSENT : LinkToken.CONFIRM_EMAIL, false)
                .map(link -> stateOf(
                        link, applications.findById(link.getApplicationId()).orElseThrow(), clock.instant()))
                .orElse(ConfirmationResult.INVALID);
    }

    /** The applicant followed the link in the confirmation e-mail (double opt-in). */
    @Transactional
    public ConfirmationResult confirmEmail(String token) {
        Optional<LinkToken> found = lookUp(token, LinkToken.CONFIRM_EMAIL, true);
        if (found.isEmpty()) {
            return ConfirmationResult.INVALID;
        }
        LinkToken link = found.get();
        MembershipApplication application =
                applications.findById(link.getApplicationId()).orElseThrow();
        Instant now = clock.instant();
        ConfirmationResult state = stateOf(link, application, now);
        if (state != ConfirmationResult.CONFIRMED) {
            return state;
        }
        link.use(now);
        application.confirm(now);
        if (!onboarding.applicantConfirmed(application.id())) {
            throw new IllegalStateException("Onboarding of " + application.businessKey() + " is not waiting");
        }
        return ConfirmationResult.CONFIRMED;
    }

    /**
     * Whose application the guardian is asked about, only while the link can still be answered: a used or expired
     * link, or one whose application closed, shows nothing about the child.
     */
    @Transactional(readOnly = true)
    public Optional<GuardianRequest> guardianRequest(String token) {
        return lookUp(token, LinkToken.GUARDIAN_CONSENT, false).flatMap(link -> {
            MembershipApplication application =
                    applications.findById(link.getApplicationId()).orElseThrow();
            return stateOf(link, application, clock.instant()) != ConfirmationResult.CONFIRMED
                    ? Optional.empty()
                    : Optional.of(new GuardianRequest(
                            application.fullName(),
                            application.getBirthDate(),
                            currentConsent(application.languageValue())));
        });
    }

    /** The guardian agreed or declined on the page their link opened; an agreement is recorded as consent. */
    @Transactional
    public ConfirmationResult answerGuardianRequest(String token, boolean consent, String clientAddress) {
        Optional<LinkToken> found = lookUp(token, LinkToken.GUARDIAN_CONSENT, true);
        if (found.isEmpty()) {
            return ConfirmationResult.INVALID;
        }
        LinkToken link = found.get();
        Instant now = clock.instant();
        MembershipApplication application =
                applications.findById(link.getApplicationId()).orElseThrow();
        ConfirmationResult state = stateOf(link, application, now);
        if (state != ConfirmationResult.CONFIRMED) {
            return state;
        }
        link.use(now);
        if (consent) {
            application.guardianConsented();
            consents.save(new ConsentRecord(
                    application.getId(),
                    ConsentRecord.GUARDIAN,
                    application.getGuardianEmail(),
                    reference.currentConsentVersion(),
                    application.getLanguage(),
                    Channel.WEB.name(),
                    now,
                    clientAddress));
        } else {
            application.guardianDeclined();
        }
        if (!onboarding.guardianResponded(application.id(), consent)) {
            throw new IllegalStateException("Onboarding of " + application.businessKey() + " is not waiting");
        }
        return ConfirmationResult.CONFIRMED;
    }

    /**
     * What following the link does now; showing a page and acting on it ask the same. A link whose application no
     * longer waits for it (lapsed, declined, answered through another link) counts as expired.
     */
    private static ConfirmationResult stateOf(LinkToken link, MembershipApplication application, Instant now) {
        boolean confirmation = LinkToken.CONFIRM_EMAIL.equals(link.getPurpose());
        if (link.isUsed() || (confirmation && application.getConfirmedAt() != null)) {
            return ConfirmationResult.ALREADY_USED;
        }
        ApplicationStatus waiting =
                confirmation ? ApplicationStatus.AWAITING_CONFIRMATION : ApplicationStatus.AWAITING_GUARDIAN;
        if (link.isExpired(now) || application.getStatus() != waiting) {
            return ConfirmationResult.EXPIRED;
        }
        return ConfirmationResult.CONFIRMED;
    }

    private Optional<LinkToken> lookUp(String token, String purpose, boolean forUpdate) {
        if (!LinkToken.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = LinkToken.hash(token);
        return (forUpdate ? tokens.findForUpdate(hash) : tokens.findById(hash))
                .filter(t -> t.getPurpose().equals(purpose));
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public List<MemberSummary> searchMembers(String text, int offset, int limit) {
        String pattern = text == null || text.isBlank() ? "" : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        PageRequest page =
                PageRequest.of(offset / limit, limit, Sort.by(Sort.Order.desc("joinedAt"), Sort.Order.desc("id")));
        return members.search(pattern, page).stream()
                .map(MembershipService::summary)
                .toList();
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<MemberDetails> member(MemberId id, Language language) {
        return members.findById(id.value())
                .map(m -> new MemberDetails(
                        id,
                        m.getMemberNumber(),
                        m.fullName(),
                        m.getEmail(),
                        m.getPhone(),
                        m.getJoinedAt(),
                        applications.findByEmailOrderBySubmittedAtDesc(m.getEmail()).stream()
                                .map(a -> view(a, language))
                                .toList()));
    }

    /** The questionnaire behind a process, for task pages. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<ApplicationView> applicationByBusinessKey(String businessKey, Language language) {
        return ApplicationId.fromBusinessKey(businessKey)
                .flatMap(id -> applications.findById(id.value()))
                .map(a -> view(a, language));
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<MemberSummary> memberById(MemberId id) {
        return members.findById(id.value()).map(MembershipService::summary);
    }

    private static MemberSummary summary(Member m) {
        return new MemberSummary(
                MemberId.of(m.getId()), m.getMemberNumber(), m.fullName(), m.getEmail(), m.getTown(), m.getJoinedAt());
    }

    private ApplicationView view(MembershipApplication a, Language language) {
        Optional<ConsentRecord> consent = consents.findByApplicationIdAndSubject(a.getId(), ConsentRecord.APPLICANT);
        String regionName =
                reference.region(a.getRegionCode(), language).map(Region::name).orElse(a.getRegionCode());
        return new ApplicationView(
                a.id(),
                a.getStatus(),
                a.getChannel(),
                a.getLastName(),
                a.getFirstName(),
                a.getPatronymic(),
                a.getEmail(),
                a.getPhone(),
                a.getBirthDate(),
                a.getRegionCode(),
                regionName,
                a.getTown(),
                a.getPostcode(),
                a.interestSet(),
                a.languageValue(),
                a.isReadyForInteraction(),
                a.getGuardianEmail(),
                a.getSubmittedAt(),
                a.getConfirmedAt(),
                consent.map(ConsentRecord::getDocumentVersion).orElse(null),
                consent.map(ConsentRecord::getAcceptedAt).orElse(null),
                consent.map(ConsentRecord::getChannel).map(Channel::valueOf).orElse(null),
                a.getMemberId() == null ? null : MemberId.of(a.getMemberId()),
                a.getMailRefusedAt());
    }
}
