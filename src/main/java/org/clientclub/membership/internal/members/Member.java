package org.clientclub.membership.internal.members;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.clientclub.membership.internal.onboarding.MembershipApplication;
import org.clientclub.membership.internal.questionnaire.PersonName;

/** A club member. The e-mail address is unique: one person, one membership. */
@Entity
@Table(name = "membership_member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number", nullable = false, updatable = false)
    private String memberNumber;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    private String patronymic;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(nullable = false)
    private String town;

    @Column(nullable = false)
    private String postcode;

    @Column(nullable = false)
    private String interests;

    @Column(nullable = false)
    private String language;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    protected Member() {}

    public Member(String memberNumber, MembershipApplication application, Instant now) {
        this.memberNumber = memberNumber;
        this.applicationId = application.getId();
        this.email = application.getEmail();
        this.joinedAt = now;
        takeDetailsFrom(application);
    }

    /** Staff decided the newer questionnaire's details are right. */
    public void takeDetailsFrom(MembershipApplication application) {
        this.lastName = application.getLastName();
        this.firstName = application.getFirstName();
        this.patronymic = application.getPatronymic();
        this.phone = application.getPhone();
        this.birthDate = application.getBirthDate();
        this.regionCode = application.getRegionCode();
        this.town = application.getTown();
        this.postcode = application.getPostcode();
        this.interests = application.getInterests();
        this.language = application.getLanguage();
    }

    /** Same person as the questionnaire says: same name and birth date, ignoring case and spacing. */
    public boolean sameDetailsAs(MembershipApplication application) {
        return normal(lastName).equals(normal(application.getLastName()))
                && normal(firstName).equals(normal(application.getFirstName()))
                && birthDate.equals(application.getBirthDate());
    }

    private static String normal(String s) {
        return s.trim()
                .replaceAll("\\s+", " ")
                .replace('ё', 'е')
                .replace('Ё', 'Е')
                .toLowerCase(Locale.ROOT);
    }

    public String fullName() {
        return PersonName.full(firstName, patronymic, lastName);
    }

    public Long getId() {
        return id;
    }

    public String getMemberNumber() {
        return memberNumber;
    }

    public Long getApplicationId() {
        return applicationId;
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

    public String getTown() {
        return town;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
