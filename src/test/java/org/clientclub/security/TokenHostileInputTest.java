package org.clientclub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.clientclub.loyalty.CardService;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.shared.SecureTokens;
import org.clientclub.support.Mailbox;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What someone tries with the links in the club's e-mails (/confirm, /guardian, /unsubscribe, /card): forged,
 * expired, used and revoked tokens open nothing and show nothing about anyone, and no working token is left in the
 * database for a copy of it to open (decision 0023).
 */
@SpringBootTest
class TokenHostileInputTest {

    private static final List<String> PAGES = List.of("/confirm/", "/guardian/", "/unsubscribe/", "/card/");
    private static final String INVALID = "Ссылка недействительна";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MembershipService membership;

    @Autowired
    CardService cardService;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .defaultRequest(get("/").header("Accept-Language", "ru"))
                .build();
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void aForgedTokenOpensNoPage() throws Exception {
        for (String token :
                List.of(SecureTokens.newToken(), "A".repeat(43), "short", "' OR '1'='1", "x".repeat(5000))) {
            for (String page : PAGES) {
                MockHttpServletResponse response = send(get(page + "{token}", token));
                assertThat(response.getStatus()).as(page + token).isEqualTo(404);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                        .as(page + token)
                        .contains(INVALID)
                        .doesNotContain("<form");
            }
        }
    }

    @Test
    void aForgedTokenPostedDoesNothing() throws Exception {
        String token = SecureTokens.newToken();
        for (RequestBuilder request : List.of(
                post("/confirm/" + token).with(csrf()),
                post("/guardian/" + token).param("decision", "agree").with(csrf()),
                post("/unsubscribe/" + token).param("List-Unsubscribe", "One-Click"))) {
            MockHttpServletResponse response = send(request);
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .contains(INVALID)
                    .doesNotContain("<form");
        }
    }

    @Test
    void aUsedConfirmationLinkConfirmsNothingMore() throws Exception {
        String email = TestQuestionnaires.newEmail();
        membership.submit(TestQuestionnaires.submission(TestQuestionnaires.adult(email)));
        String link = Mailbox.linkPath(mailbox.awaitMessage(email, 1), "confirm");
        assertThat(send(post(link).with(csrf())).getContentAsString(StandardCharsets.UTF_8))
                .contains("адрес подтверждён");

        for (RequestBuilder again : List.of(get(link), post(link).with(csrf()))) {
            String page = send(again).getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Эта ссылка уже использована").doesNotContain("<form");
        }
    }

    @Test
    void aUsedGuardianLinkShowsNothingAboutTheChild() throws Exception {
        Child child = childAwaitingGuardian();
        assertThat(page(child.link()))
                .as("the guardian sees whose application it is")
                .contains(child.lastName(), child.birthDate());
        send(post(child.link()).param("decision", "decline").with(csrf()));

        assertThat(page(child.link()))
                .contains("Вы уже ответили")
                .doesNotContain(child.lastName())
                .doesNotContain(child.firstName())
                .doesNotContain(child.birthDate())
                .doesNotContain("<form");
    }

    @Test
    void anExpiredGuardianLinkShowsNothingAboutTheChild() throws Exception {
        Child child = childAwaitingGuardian();
        jdbc.sql("UPDATE membership_token SET expires_at = now() - interval '1 minute' WHERE token_hash = :h")
                .param("h", SecureTokens.sha256(child.token()))
                .update();

        assertThat(page(child.link()))
                .contains("Срок действия ссылки истёк")
                .doesNotContain(child.lastName())
                .doesNotContain(child.firstName())
                .doesNotContain(child.birthDate())
                .doesNotContain("<form");
    }

    @Test
    void aGuardianLinkOfAClosedApplicationShowsNothingAboutTheChild() throws Exception {
        Child child = childAwaitingGuardian();
        // As the process's timer leaves it; the link's own expiry is configured apart and may be later.
        jdbc.sql("UPDATE membership_application SET status = 'LAPSED' WHERE email = :e")
                .param("e", child.email())
                .update();

        assertThat(page(child.link()))
                .contains("Срок действия ссылки истёк")
                .doesNotContain(child.lastName())
                .doesNotContain(child.firstName())
                .doesNotContain(child.birthDate())
                .doesNotContain("<form");
        assertThat(send(post(child.link()).param("decision", "agree").with(csrf()))
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(child.lastName());
    }

    @Test
    void anExpiredCardLinkShowsNothing() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String card = Members.cardOf(jdbc, memberId);
        String link = Mailbox.linkPath(mailbox.awaitMessage(email, 2), "card");
        assertThat(page(link)).contains(card);

        jdbc.sql("UPDATE loyalty_card_link SET created_at = now() - interval '366 days' WHERE member_id = :m")
                .param("m", memberId)
                .update();

        assertNothingShown(link, card);
    }

    @Test
    @WithMockUser(username = "irina", roles = "CLUB_STAFF")
    void aRevokedCardLinkShowsNothing() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String card = Members.cardOf(jdbc, memberId);
        String link = Mailbox.linkPath(mailbox.awaitMessage(email, 2), "card");

        cardService.revokeCardLink(memberId);

        assertNothingShown(link, card);
    }

    @Test
    void aSentMessageNoLongerHoldsItsLinks() {
        String email = TestQuestionnaires.newEmail();
        Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        mailbox.awaitMessage(email, 2);
        String confirmation = Mailbox.decoded(mailbox.to(email).get(0));
        String welcome = Mailbox.decoded(mailbox.to(email).get(1));
        assertThat(confirmation).contains("/confirm/", "/unsubscribe/");
        assertThat(welcome).contains("/card/");
        awaitAllSent(email, 2);

        assertThat(jdbc.sql("""
                        SELECT body_html || body_text || coalesce(list_unsubscribe, '') FROM mail_outbox
                         WHERE recipient = :e AND body_discarded_at IS NOT NULL""").param("e", email).query(String.class).list())
                .as("both bodies are gone")
                .containsExactly("", "");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM mail_outbox_inline i JOIN mail_outbox m ON m.id = i.outbox_id
                         WHERE m.recipient = :e""").param("e", email).query(Long.class).single())
                .as("the welcome's card images went with its body")
                .isZero();
    }

    @Test
    void theDatabaseKeepsOnlyHashesOfTheTokensItSent() {
        String email = TestQuestionnaires.newEmail();
        Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        MimeMessage welcome = mailbox.awaitMessage(email, 2);
        MimeMessage confirmation = mailbox.to(email).get(0);
        String confirm = token(Mailbox.linkPath(confirmation, "confirm"));
        String unsubscribe = token(Mailbox.linkPath(confirmation, "unsubscribe"));
        String card = token(Mailbox.linkPath(welcome, "card"));
        awaitAllSent(email, 2);

        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""").query(String.class).list();
        for (String token : List.of(confirm, unsubscribe, card)) {
            for (String table : tables) {
                assertThat(jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, :token) > 0")
                                .param("token", token)
                                .query(Long.class)
                                .single())
                        .as(table + " holds a token")
                        .isZero();
            }
        }
        assertThat(count("membership_token", confirm)).isEqualTo(1);
        assertThat(count("mail_unsubscribe_token", unsubscribe)).isEqualTo(1);
        assertThat(count("loyalty_card_link", card)).isEqualTo(1);
    }

    private void assertNothingShown(String link, String card) throws Exception {
        MockHttpServletResponse page = send(get(link));
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains(INVALID)
                .doesNotContain(card)
                .doesNotContain("card-balance")
                .doesNotContain("card-history");
        MockHttpServletResponse barcode = send(get(link + "/barcode.png"));
        assertThat(barcode.getStatus()).isEqualTo(404);
        assertThat(barcode.getContentAsByteArray()).isEmpty();
    }

    private record Child(String email, String lastName, String firstName, String birthDate, String link) {
        String token() {
            return TokenHostileInputTest.token(link);
        }
    }

    private Child childAwaitingGuardian() {
        String email = TestQuestionnaires.newEmail();
        String guardian = TestQuestionnaires.newEmail();
        LocalDate birthDate = membership.today().minusYears(10);
        Questionnaire adult = TestQuestionnaires.adult(email);
        Questionnaire child = new Questionnaire(
                "Петровский",
                "Михаил",
                null,
                email,
                null,
                birthDate,
                adult.regionCode(),
                adult.town(),
                adult.postcode(),
                adult.interests(),
                adult.language(),
                true,
                guardian);
        membership.submit(TestQuestionnaires.submission(child));
        membership.confirmEmail(token(Mailbox.linkPath(mailbox.awaitMessage(email, 1), "confirm")));
        String link = Mailbox.linkPath(mailbox.awaitMessage(guardian, 1), "guardian");
        return new Child(
                email,
                child.lastName(),
                child.firstName(),
                birthDate.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                link);
    }

    private void awaitAllSent(String email, int messages) {
        await().atMost(Duration.ofSeconds(20))
                .pollInSameThread()
                .until(() ->
                        jdbc.sql("SELECT count(*) FILTER (WHERE status = 'SENT') FROM mail_outbox WHERE recipient = :e")
                                        .param("e", email)
                                        .query(Long.class)
                                        .single()
                                == messages);
    }

    private long count(String table, String token) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE token_hash = :h")
                .param("h", SecureTokens.sha256(token))
                .query(Long.class)
                .single();
    }

    private String page(String link) throws Exception {
        return send(get(link)).getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String token(String linkPath) {
        return linkPath.substring(linkPath.lastIndexOf('/') + 1);
    }
}
