package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.clientclub.support.TestQuestionnaires.adult;
import static org.clientclub.support.TestQuestionnaires.newEmail;
import static org.clientclub.support.TestQuestionnaires.submission;
import static org.clientclub.support.TestQuestionnaires.with;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.shared.Language;
import org.clientclub.support.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Membership with its process, database and mail: what a questionnaire leads to, and what bad input does not. */
@SpringBootTest
@WithMockUser(roles = "CLUB_STAFF")
class MembershipServiceTest {

    @Autowired
    MembershipService membership;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    TaskService tasks;

    Mailbox mailbox;

    @BeforeEach
    void mailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void confirmedQuestionnaireMakesAMemberWithANumberAndSendsWelcome() {
        String email = newEmail();
        membership.submit(submission(adult(email)));

        String token = token(mailbox.awaitMessage(email, 1), "confirm");
        assertThat(membership.confirmEmail(token)).isEqualTo(ConfirmationResult.CONFIRMED);

        MimeMessage welcome = mailbox.awaitMessage(email, 2);
        List<MemberSummary> found = membership.searchMembers(email, 0, 10);
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.memberNumber()).matches("\\d{6,}");
            assertThat(Mailbox.decoded(welcome)).contains(m.memberNumber());
        });
    }

    @Test
    @WithMockUser(roles = "NOT_STAFF")
    void theMembersListIsForStaffOnly() {
        assertThatThrownBy(() -> membership.searchMembers("", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> membership.memberById(MemberId.of(1))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rejectsQuestionnaireWithoutConsentAndStoresNothing() {
        long before = applications();
        Submission noConsent = new Submission(adult(newEmail()), 1, false, Channel.WEB, "127.0.0.1", "");

        assertThatThrownBy(() -> membership.submit(noConsent))
                .isInstanceOfSatisfying(
                        QuestionnaireRejected.class,
                        e -> assertThat(e.errors()).containsEntry("consent", "validation.consent.required"));
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void rejectsBadFieldsAllAtOnceAndStoresNothing() {
        long before = applications();
        String huge = "x".repeat(10 * 1024 * 1024);
        Questionnaire bad = new Questionnaire(
                huge,
                "",
                null,
                "not-an-address",
                "12",
                LocalDate.now().plusDays(1),
                "999",
                "Москва",
                "012345",
                null,
                Language.RU,
                null,
                null);

        assertThatThrownBy(() -> membership.submit(submission(bad)))
                .isInstanceOfSatisfying(
                        QuestionnaireRejected.class,
                        e -> assertThat(e.errors())
                                .containsEntry("lastName", "validation.tooLong")
                                .containsEntry("firstName", "validation.required")
                                .containsEntry("email", "validation.email")
                                .containsEntry("phone", "validation.phone")
                                .containsEntry("birthDate", "validation.birthDate.future")
                                .containsEntry("region", "validation.region.unknown")
                                .containsEntry("postcode", "validation.postcode")
                                .containsEntry("readyForInteraction", "validation.required"));
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void keepsMarkupAndSqlAsTextAndEscapesThemInTheEmail() {
        String email = newEmail();
        String hostile = "<script>alert('x')</script>'); DROP TABLE membership_member;--";
        membership.submit(submission(with(adult(email), hostile, LocalDate.of(1990, 1, 1), true)));
        Questionnaire q = adult(email);
        // the first name is what the e-mail greets; make it hostile too
        String second = newEmail();
        membership.submit(submission(new Questionnaire(
                "Петров",
                "<b onmouseover=alert(1)>Пётр</b>",
                null,
                second,
                null,
                LocalDate.of(1990, 1, 1),
                q.regionCode(),
                q.town(),
                q.postcode(),
                q.interests(),
                q.language(),
                true,
                null)));

        String html = Mailbox.html(mailbox.awaitMessage(second, 1));
        assertThat(html)
                .contains("&lt;b onmouseover=alert(1)&gt;Пётр&lt;/b&gt;")
                .doesNotContain("<b onmouseover");
        assertThat(jdbc.sql("SELECT count(*) FROM membership_application WHERE last_name = :n")
                        .param("n", hostile)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void forgedReusedAndMalformedLinksConfirmNothing() {
        String email = newEmail();
        membership.submit(submission(adult(email)));
        String token = token(mailbox.awaitMessage(email, 1), "confirm");

        assertThat(membership.confirmEmail("A".repeat(43))).isEqualTo(ConfirmationResult.INVALID);
        assertThat(membership.confirmEmail("' OR 1=1 --")).isEqualTo(ConfirmationResult.INVALID);
        assertThat(membership.confirmEmail(null)).isEqualTo(ConfirmationResult.INVALID);
        assertThat(membership.confirmEmail(token)).isEqualTo(ConfirmationResult.CONFIRMED);
        assertThat(membership.confirmEmail(token)).isEqualTo(ConfirmationResult.ALREADY_USED);
        assertThat(membership.checkLink(token, false)).isEqualTo(ConfirmationResult.ALREADY_USED);
    }

    @Test
    void childNeedsAGuardianAddressAndTheGuardiansConsent() {
        String email = newEmail();
        LocalDate tenYearsOld = membership.today().minusYears(10);
        Questionnaire child = with(adult(email), "Иванов", tenYearsOld, true);

        assertThatThrownBy(() -> membership.submit(submission(child)))
                .isInstanceOfSatisfying(
                        QuestionnaireRejected.class,
                        e -> assertThat(e.errors()).containsEntry("guardianEmail", "validation.guardian.required"));

        String guardian = newEmail();
        Questionnaire withGuardian = new Questionnaire(
                child.lastName(),
                child.firstName(),
                null,
                email,
                null,
                tenYearsOld,
                child.regionCode(),
                child.town(),
                child.postcode(),
                child.interests(),
                child.language(),
                true,
                guardian);
        membership.submit(submission(withGuardian));
        assertThat(membership.confirmEmail(token(mailbox.awaitMessage(email, 1), "confirm")))
                .isEqualTo(ConfirmationResult.CONFIRMED);

        String guardianToken = token(mailbox.awaitMessage(guardian, 1), "guardian");
        assertThat(membership.guardianRequest(guardianToken))
                .hasValueSatisfying(r -> assertThat(r.applicantName()).contains("Иванов"));
        assertThat(membership.answerGuardianRequest(guardianToken, true, "127.0.0.1"))
                .isEqualTo(ConfirmationResult.CONFIRMED);

        mailbox.awaitMessage(email, 2);
        assertThat(membership.searchMembers(email, 0, 10)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM membership_consent c JOIN membership_application a "
                                + "ON a.id = c.application_id WHERE a.email = :e AND c.subject = 'GUARDIAN'")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void memberSearchFindsPartsOfNamesAndAddressesInAnyCaseAndTakesWildcardsLiterally() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String underscore = "under_score." + tag + "@example.org";
        String lookalike = "underxscore." + tag + "@example.org";
        for (String email : List.of(underscore, lookalike)) {
            membership.submit(submission(with(adult(email), "Шостаковская", LocalDate.of(1985, 4, 12), true)));
            membership.confirmEmail(token(mailbox.awaitMessage(email, 1), "confirm"));
            mailbox.awaitMessage(email, 2);
        }
        String number = membership.searchMembers(underscore, 0, 10).get(0).memberNumber();

        assertThat(numbers("under_score." + tag)).containsExactly(number);
        assertThat(numbers("_score." + tag)).containsExactly(number);
        assertThat(numbers("UNDERXSCORE." + tag)).hasSize(1).doesNotContain(number);
        assertThat(numbers("мария ШОСТАКОВСКАЯ")).contains(number);
        assertThat(numbers("шостаковская мария")).contains(number);
        assertThat(numbers(number)).containsExactly(number);
        assertThat(numbers("%" + tag)).isEmpty();
        assertThat(numbers("'" + tag)).isEmpty();
    }

    private List<String> numbers(String text) {
        return membership.searchMembers(text, 0, 1000).stream()
                .map(MemberSummary::memberNumber)
                .toList();
    }

    @Test
    void secondQuestionnaireForAMembersAddressNeverMakesASecondMember() throws Exception {
        String email = newEmail();
        membership.submit(submission(adult(email)));
        membership.confirmEmail(token(mailbox.awaitMessage(email, 1), "confirm"));
        mailbox.awaitMessage(email, 2);

        membership.submit(submission(with(adult(email), "Сидорова", LocalDate.of(1986, 5, 5), true)));
        membership.confirmEmail(token(mailbox.awaitMessage(email, 3), "confirm"));
        MimeMessage alreadyMember = mailbox.awaitMessage(email, 4);

        assertThat(alreadyMember.getSubject()).isNotBlank();
        assertThat(Mailbox.decoded(alreadyMember)).contains("уже принадлежит участнику");
        assertThat(membership.searchMembers(email, 0, 10)).hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reviewTasksFor(email)).hasSize(1));
    }

    private List<Task> reviewTasksFor(String email) {
        List<Long> ids = jdbc.sql("SELECT id FROM membership_application WHERE email = :e")
                .param("e", email)
                .query(Long.class)
                .list();
        return ids.stream()
                .flatMap(id -> tasks
                        .createTaskQuery()
                        .processInstanceBusinessKey("application-" + id)
                        .taskDefinitionKey("Task_ReviewPossibleDuplicate")
                        .list()
                        .stream())
                .toList();
    }

    private long applications() {
        return jdbc.sql("SELECT count(*) FROM membership_application")
                .query(Long.class)
                .single();
    }

    private static String token(MimeMessage message, String kind) {
        String path = Mailbox.linkPath(message, kind);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
