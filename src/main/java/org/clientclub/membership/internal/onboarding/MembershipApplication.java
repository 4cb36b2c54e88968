package org.clientclub.membership.internal.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.clientclub.membership.ApplicationId;
import org.clientclub.membership.ApplicationStatus;
import org.clientclub.membership.Channel;
import org.clientclub.membership.Interest;
import org.clientclub.membership.internal.questionnaire.PersonName;
import org.clientclub.membership.internal.questionnaire.ValidQuestionnaire;
import org.clientclub.shared.Language;

/** A questionnaire as submitted, and where it stands. Its id's business key names its onboarding process. */
@Entity
@Table(name = "membership_application")
public class MembershipApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @Column(name = "last_name", nullable = false, updatable = false)
    private String lastName;

    @Column(name = "first_name", nullable = false, updatable = false)
    private String firstName;

    @Column(updatable = false)
    private String patronymic;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(updatable = false)
    private String phone;

    @Column(name = "birth_date", nullable = false, updatable = false)
    private LocalDate birthDate;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(nullable = false, updatable = false)
    private String town;

    @Column(nullable = false, updatable = false)
    private String postcode;

    @Column(nullable = false, updatable = false)
    private String interests;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "ready_for_interaction", nullable = false, updatable = false)
    private boolean readyForInteraction;

    @Column(name = "guardian_email", updatable = false)
    private String guardianEmail;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "confirmation_deadline")
    private Instant confirmationDeadline;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "mail_refused_at")
    private Instant mailRefusedAt;

    protected MembershipApplication() {}

    /** Takes values that {@link QuestionnaireValidator} has accepted and normalised. */
    public MembershipApplication(ValidQuestionnaire q, Channel channel, Instant now) {
        this.channel = channel;
        this.status = ApplicationStatus.AWAITING_CONFIRMATION;
        this.lastName = q.lastName();
        this.firstName = q.firstName();
        this.patronymic = q.patronymic();
        this.email = q.email().value();
        this.phone = q.phone();
        this.birthDate = q.birthDate();
        this.regionCode = q.regionCode();
        this.town = q.town();
        this.postcode = q.postcode();
        this.interests = q.interests().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.language = q.language().code();
        this.readyForInteraction = q.readyForInteraction();
        this.guardianEmail =
                q.guardianEmail() == null ? null : q.guardianEmail().value();
        this.submittedAt = now;
    }

    /** Set once the row is flushed. */
    public ApplicationId id() {
        return ApplicationId.of(id);
    }

    public String businessKey() {
        return id().businessKey();
    }

    public boolean needsGuardian() {
        return guardianEmail != null;
    }

    public void awaitConfirmationUntil(Instant deadline) {
        if (confirmationDeadline == null) {
            confirmationDeadline = deadline;
        }
    }

    public void confirm(Instant now) {
        confirmedAt = now;
        status = needsGuardian() ? ApplicationStatus.AWAITING_GUARDIAN : ApplicationStatus.CONFIRMED;
    }

    public void guardianConsented() {
        status = ApplicationStatus.CONFIRMED;
    }

    public void guardianDeclined() {
        status = ApplicationStatus.GUARDIAN_DECLINED;
    }

    /** A confirmation or guardian mail for it was refused by a daily quota (the first refusal is kept). */
    public void mailRefused(Instant now) {
        if (mailRefusedAt == null) {
            mailRefusedAt = now;
        }
    }

    public Instant getMailRefusedAt() {
        return mailRefusedAt;
    }

    public void lapse() {
        status = ApplicationStatus.LAPSED;
    }

    public void keepAsFeedback() {
        status = ApplicationStatus.FEEDBACK_ONLY;
    }

    public void becameMember(long memberId) {
        this.memberId = memberId;
        status = ApplicationStatus.MEMBER_CREATED;
    }

    public void foundExistingMember(long memberId) {
        this.memberId = memberId;
        status = ApplicationStatus.ALREADY_MEMBER;
    }

    public String fullName() {
        return PersonName.full(firstName, patronymic, lastName);
    }

    public Set<Interest> interestSet() {
        if (interests.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(interests.split(","))
                .map(Interest::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Interest.class)));
    }

    public Language languageValue() {
        return Language.fromCode(language);
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getPatronymic() {
        return patronymic;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getTown() {
        return town;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getInterests() {
        return interests;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isReadyForInteraction() {
        return readyForInteraction;
    }

    public String getGuardianEmail() {
        return guardianEmail;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getConfirmationDeadline() {
        return confirmationDeadline;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Long getMemberId() {
        return memberId;
    }
}
