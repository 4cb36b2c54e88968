package org.clientclub.membership.internal.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientclub.mail.Enqueued;
import org.clientclub.mail.MailKind;
import org.clientclub.mail.MailService;
import org.clientclub.mail.OutgoingMail;
import org.clientclub.membership.ApplicationId;
import org.clientclub.membership.ApplicationStatus;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MemberJoined;
import org.clientclub.membership.RegistrationOutcome;
import org.clientclub.membership.internal.members.Member;
import org.clientclub.membership.internal.members.MemberRepository;
import org.clientclub.membership.spi.WelcomeMailContributor;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.EmailAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the onboarding process. The engine's job executor calls them through the process glue, in the
 * job's transaction; every e-mail carries the caller's idempotency key, so a retried job never mails twice.
 */
@Service
@Transactional
public class OnboardingService {

    private final MembershipApplicationRepository applications;
    private final MemberRepository members;
    private final LinkTokenRepository tokens;
    private final MailService mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<WelcomeMailContributor> welcomeContributors;
    private final Duration tokenValidity;
    private final String publicBaseUrl;

    public OnboardingService(
            MembershipApplicationRepository applications,
            MemberRepository members,
            LinkTokenRepository tokens,
            MailService mail,
            ApplicationEventPublisher events,
            Clock clock,
            List<WelcomeMailContributor> welcomeContributors,
            @Value("${clientclub.onboarding.token-validity:P7D}") Duration tokenValidity,
            @Value("${clientclub.public-base-url}") String publicBaseUrl) {
        this.applications = applications;
        this.members = members;
        this.tokens = tokens;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.welcomeContributors = welcomeContributors;
        this.tokenValidity = tokenValidity;
        this.publicBaseUrl = publicBaseUrl;
    }

    public void sendConfirmationRequest(ApplicationId applicationId, String idempotencyKey) {
        MembershipApplication application = application(applicationId);
        Instant now = clock.instant();
        application.awaitConfirmationUntil(now.plus(tokenValidity));
        sendConfirmationLink(application, "confirm-email", idempotencyKey);
    }

    /** A fresh link that ends when the first one does: the reminder does not extend the seven days. */
    public void sendReminder(ApplicationId applicationId, String idempotencyKey) {
        MembershipApplication application = application(applicationId);
        if (application.getStatus() != ApplicationStatus.AWAITING_CONFIRMATION) {
            return;
        }
        sendConfirmationLink(application, "confirm-reminder", idempotencyKey);
    }

    private void sendConfirmationLink(MembershipApplication application, String template, String idempotencyKey) {
        LinkToken.Issued issued = LinkToken.issue(
                application.getId(), LinkToken.CONFIRM_EMAIL, clock.instant(), application.getConfirmationDeadline());
        tokens.save(issued.token());
        Map<String, Object> model = model(application);
        model.put("link", publicBaseUrl + "/confirm/" + issued.plain());
        model.put("deadline", clubDate(application.getConfirmationDeadline()));
        capped(
                application,
                new OutgoingMail(
                        idempotencyKey,
                        new EmailAddress(application.getEmail()),
                        application.languageValue(),
                        template,
                        model,
                        MailKind.CONFIRMATION));
    }

    /**
     * Anyone can type anyone's address into the questionnaire, so these links are capped per recipient and day. A
     * refused one is kept on the application for staff; the deadline lapses the application as usual.
     */
    private void capped(MembershipApplication application, OutgoingMail link) {
        if (mail.enqueue(link) == Enqueued.REFUSED_QUOTA) {
            application.mailRefused(clock.instant());
        }
    }

    public void lapse(ApplicationId applicationId) {
        application(applicationId).lapse();
    }

    public void sendGuardianRequest(ApplicationId applicationId, String idempotencyKey) {
        MembershipApplication application = application(applicationId);
        Instant now = clock.instant();
        LinkToken.Issued issued =
                LinkToken.issue(application.getId(), LinkToken.GUARDIAN_CONSENT, now, now.plus(tokenValidity));
        tokens.save(issued.token());
        Map<String, Object> model = model(application);
        model.put("link", publicBaseUrl + "/guardian/" + issued.plain());
        model.put("deadline", clubDate(now.plus(tokenValidity)));
        capped(
                application,
                new OutgoingMail(
                        idempotencyKey,
                        new EmailAddress(application.getGuardianEmail()),
                        application.languageValue(),
                        "guardian-request",
                        model,
                        MailKind.GUARDIAN_REQUEST));
    }

    public void sendGuardianDeclinedNotice(ApplicationId applicationId, String idempotencyKey) {
        MembershipApplication application = application(applicationId);
        mail.enqueue(OutgoingMail.transactional(
                idempotencyKey,
                new EmailAddress(application.getEmail()),
                application.languageValue(),
                "guardian-declined",
                model(application)));
    }

    /** "No" to further interaction: the questionnaire stays as the client's feedback, without membership. */
    public void keepAsFeedback(ApplicationId applicationId, String idempotencyKey) {
        MembershipApplication application = application(applicationId);
        application.keepAsFeedback();
        mail.enqueue(OutgoingMail.transactional(
                idempotencyKey,
                new EmailAddress(application.getEmail()),
                application.languageValue(),
                "feedback-thanks",
                model(application)));
    }

    /**
     * Creates the member, unless the address already belongs to one: an address never makes a second member
     * (a unique constraint backs this up when two confirmations race; the losing job retries and lands here).
     */
    public RegistrationOutcome registerMember(ApplicationId applicationId) {
        MembershipApplication application = application(applicationId);
        Optional<Member> existing = members.findByEmail(application.getEmail());
        if (existing.isPresent()) {
            application.foundExistingMember(existing.get().getId());
            return existing.get().sameDetailsAs(application)
                    ? RegistrationOutcome.EXISTING_SAME
                    : RegistrationOutcome.EXISTING_DIFFERENT;
        }
        Instant now = clock.instant();
        String number = String.valueOf(members.nextMemberNumber());
        Member member = members.saveAndFlush(new Member(number, application, now));
        application.becameMember(member.getId());
        events.publishEvent(
                new MemberJoined(MemberId.of(member.getId()), number, member.getEmail(), member.getLanguage(), now));
        return RegistrationOutcome.NEW;
    }

    public void sendWelcome(ApplicationId applicationId, String idempotencyKey) {
        sendToMember(applicationId, "welcome", idempotencyKey, true);
    }

    public void sendAlreadyMember(ApplicationId applicationId, String idempotencyKey) {
        sendToMember(applicationId, "already-member", idempotencyKey, false);
    }

    private void sendToMember(ApplicationId applicationId, String template, String idempotencyKey, boolean welcome) {
        MembershipApplication application = application(applicationId);
        Member member = members.findById(application.getMemberId()).orElseThrow();
        Map<String, Object> model = model(application);
        model.put("memberNumber", member.getMemberNumber());
        if (welcome) {
            welcomeContributors.forEach(
                    c -> model.putAll(c.contribute(MemberId.of(member.getId()), application.languageValue())));
        }
        mail.enqueue(OutgoingMail.transactional(
                idempotencyKey, new EmailAddress(member.getEmail()), application.languageValue(), template, model));
    }

    /** Staff looked at a possible duplicate and found the newer questionnaire's details right. */
    public void takeNewerDetails(ApplicationId applicationId) {
        MembershipApplication application = application(applicationId);
        members.findById(application.getMemberId()).orElseThrow().takeDetailsFrom(application);
    }

    private MembershipApplication application(ApplicationId id) {
        return applications.findById(id.value()).orElseThrow(() -> new IllegalStateException("No application " + id));
    }

    private static LocalDate clubDate(Instant instant) {
        return LocalDate.ofInstant(instant, ClubTime.ZONE);
    }

    private static Map<String, Object> model(MembershipApplication application) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", application.getFirstName());
        model.put("fullName", application.fullName());
        return model;
    }
}
