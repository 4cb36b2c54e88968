package org.clientclub.membership.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientclub.membership.ApplicationId;
import org.clientclub.membership.ApplicationStatus;
import org.clientclub.membership.ApplicationView;
import org.clientclub.membership.Channel;
import org.clientclub.membership.ConfirmationResult;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.GuardianRequest;
import org.clientclub.membership.MemberDetails;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MemberSummary;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.membership.Region;
import org.clientclub.membership.Submission;
import org.clientclub.membership.internal.consents.ConsentRecord;
import org.clientclub.membership.internal.consents.ConsentRecordRepository;
import org.clientclub.membership.internal.members.Member;
import org.clientclub.membership.internal.members.MemberRepository;
import org.clientclub.membership.internal.onboarding.LinkToken;
import org.clientclub.membership.internal.onboarding.LinkTokenRepository;
import org.clientclub.membership.internal.onboarding.MembershipApplication;
import org.clientclub.membership.internal.onboarding.MembershipApplicationRepository;
import org.clientclub.membership.internal.onboarding.OnboardingProcess;
import org.clientclub.membership.internal.onboarding.SubmissionRateLimiter;
import org.clientclub.membership.internal.questionnaire.QuestionnaireValidator;
import org.clientclub.membership.internal.questionnaire.ReferenceData;
import org.clientclub.membership.internal.questionnaire.ValidQuestionnaire;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.Language;
import org.clientclub.shared.LikePattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MembershipService} on membership's tables, starting and answering onboarding through its process. */
@Service
class MembershipServiceImpl implements MembershipService {

    private final MembershipApplicationRepository applications;
    private final MemberRepository members;
    private final ConsentRecordRepository consents;
    private final LinkTokenRepository tokens;
    private final ReferenceData reference;
    private final SubmissionRateLimiter rateLimiter;
    private final OnboardingProcess onboarding;
    private final Clock clock;

    MembershipServiceImpl(
            MembershipApplicationRepository applications,
            MemberRepository members,
            ConsentRecordRepository consents,
            LinkTokenRepository tokens,
            ReferenceData reference,
            SubmissionRateLimiter rateLimiter,
            OnboardingProcess onboarding,
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

    @Override
    @Transactional(readOnly = true)
    public List<Region> regions(Language language) {
        return reference.regions(language);
    }

    @Override
    @Transactional(readOnly = true)
    public ConsentDocument currentConsent(Language language) {
        return reference.consent(reference.currentConsentVersion(), language).orElseThrow();
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClubTime.ZONE));
    }

    @Override
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

    @Override
    // A refusal writes nothing: it must not doom the caller's transaction, which goes on to answer the sender.
    @Transactional(noRollbackFor = QuestionnaireRejected.class)
    public ApplicationId submitMailed(
            Questionnaire questionnaire, int consentVersion, boolean consentAccepted, String sender) {
        return accept(new Submission(questionnaire, consentVersion, consentAccepted, Channel.MAIL, sender, null));
    }

    @Override
    @Transactional(readOnly = true, noRollbackFor = QuestionnaireRejected.class)
    public void check(Questionnaire questionnaire) {
        validator().validate(questionnaire, today());
    }

    @Override
    public int currentConsentVersion() {
        return reference.currentConsentVersion();
    }

    private ApplicationId accept(Submission submission) {
        ReferenceData.ConsentAndRegion asked = reference.currentConsentVersionAndRegion(
                submission.questionnaire().regionCode());
        int currentConsent = asked.consentVersion();
        if (!submission.consentAccepted() || submission.consentVersion() != currentConsent) {
            throw new QuestionnaireRejected(Map.of("consent", "validation.consent.required"));
        }
        ValidQuestionnaire valid = new QuestionnaireValidator(code -> asked.regionExists(code, reference))
                .validate(submission.questionnaire(), today());
        Instant now = clock.instant();
        MembershipApplication application =
                applications.saveAndFlush(new MembershipApplication(valid, submission.channel(), now));
        consents.save(new ConsentRecord(
                application.getId(),
                ConsentRecord.APPLICANT,
                valid.email().value(),
                currentConsent,
                valid.language().code(),
                submission.channel(),
                now,
                submission.clientAddress()));
        onboarding.start(application.id(), application.needsGuardian(), application.isReadyForInteraction());
        return application.id();
    }

    private QuestionnaireValidator validator() {
        return new QuestionnaireValidator(
                code -> reference.region(code, Language.RU).isPresent());
    }

    @Override
    @Transactional(readOnly = true)
    public ConfirmationResult checkLink(String token, boolean guardian) {
        return lookUp(token, guardian ? LinkToken.GUARDIAN_CONSENT : LinkToken.CONFIRM_EMAIL, false)
                .map(link -> stateOf(
                        link, applications.findById(link.getApplicationId()).orElseThrow(), clock.instant()))
                .orElse(ConfirmationResult.INVALID);
    }

    @Override
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

    @Override
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

    @Override
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
                    Channel.WEB,
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

    @Override
    @Transactional(readOnly = true)
    public List<MemberSummary> searchMembers(String text, int offset, int limit) {
        PageRequest page = PageRequest.of(offset / limit, limit);
        List<Member> found = text == null || text.isBlank()
                ? members.findAllByOrderByJoinedAtDescIdDesc(page)
                : members.search(LikePattern.containing(text), page);
        return found.stream().map(MembershipServiceImpl::summary).toList();
    }

    @Override
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

    @Override
    @Transactional(readOnly = true)
    public Optional<ApplicationView> applicationByBusinessKey(String businessKey, Language language) {
        return ApplicationId.fromBusinessKey(businessKey)
                .flatMap(id -> applications.findById(id.value()))
                .map(a -> view(a, language));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberSummary> memberById(MemberId id) {
        return members.findById(id.value()).map(MembershipServiceImpl::summary);
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
                consent.map(ConsentRecord::getChannel).orElse(null),
                a.getMemberId() == null ? null : MemberId.of(a.getMemberId()),
                a.getMailRefusedAt());
    }
}
