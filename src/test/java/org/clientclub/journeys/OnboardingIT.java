package org.clientclub.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientclub.support.TestQuestionnaires.adult;
import static org.clientclub.support.TestQuestionnaires.newEmail;
import static org.clientclub.support.TestQuestionnaires.submission;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The whole application on PostgreSQL (embedded, or the server in SPRING_DATASOURCE_URL) with real SMTP: a
 * questionnaire goes in through the module's API, the confirmation e-mail comes out of GreenMail, its link is
 * followed over HTTP like a member's mail client would, and the member and the welcome e-mail appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithMockUser(roles = "CLUB_STAFF")
class OnboardingIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    private Mailbox mailbox;
    private HttpClient http;

    @BeforeEach
    void setUp() {
        mailbox = new Mailbox(greenMail);
        http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void followingTheConfirmationLinkMakesAMemberAndSendsTheWelcome() throws Exception {
        String email = newEmail();
        membership.submit(submission(adult(email)));

        MimeMessage confirmation = mailbox.awaitMessage(email, 1);
        assertThat(confirmation.getSubject()).isEqualTo("Подтвердите адрес для Клуба клиентов");
        assertThat(confirmation.getHeader("List-Unsubscribe")).isNotNull();
        assertThat(confirmation.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String link = Mailbox.linkPath(confirmation, "confirm");

        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Подтвердить адрес").contains("id=\"confirm-button\"");
        assertThat(membership.searchMembers(email, 0, 10))
                .as("opening the link alone confirms nothing")
                .isEmpty();

        HttpResponse<String> confirmed = post(link, "_csrf=" + csrf(page.body()));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("адрес подтверждён");

        MimeMessage welcome = mailbox.awaitMessage(email, 2);
        assertThat(welcome.getSubject()).isEqualTo("Добро пожаловать в Клуб клиентов!");
        assertThat(membership.searchMembers(email, 0, 10))
                .singleElement()
                .satisfies(m -> assertThat(Mailbox.decoded(welcome)).contains(m.memberNumber()));

        String cardLink = Mailbox.linkPath(welcome, "card");
        HttpResponse<String> card = get(cardLink);
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body())
                .contains("id=\"card-number\">29")
                .contains("data:image/png;base64,")
                .containsPattern("id=\"card-balance\">\\d+<");
        assertThat(Mailbox.decoded(welcome))
                .contains(card.body().replaceAll("(?s).*id=\"card-number\">(\\d{13})<.*", "$1"));
        assertThat(get("/card/" + "z".repeat(43)).body()).contains("Ссылка недействительна");

        HttpResponse<String> again = get(link);
        assertThat(again.body()).contains("уже использована").doesNotContain("confirm-button");
    }

    @Test
    void aForgedLinkAndAMissingCsrfTokenChangeNothing() throws Exception {
        HttpResponse<String> forged = get("/confirm/" + "x".repeat(43));
        assertThat(forged.statusCode())
                .as("a token that names nothing answers 404")
                .isEqualTo(404);
        assertThat(forged.body()).contains("Ссылка недействительна");

        String email = newEmail();
        membership.submit(submission(adult(email)));
        String link = Mailbox.linkPath(mailbox.awaitMessage(email, 1), "confirm");
        HttpResponse<String> withoutToken = post(link, "");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(get(link).body()).contains("id=\"confirm-button\"");
    }

    @Test
    void theUnsubscribeLinkWorksWithOneClick() throws Exception {
        String email = newEmail();
        membership.submit(submission(adult(email)));
        String link = Mailbox.linkPath(mailbox.awaitMessage(email, 1), "unsubscribe");

        assertThat(get(link).body()).contains("id=\"unsubscribe-button\"");
        HttpResponse<String> done = post(link, "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("больше не будут приходить");
    }

    @Test
    void staffScreensAndTheCamundaWebappsNeedALogInAndTheEngineApiIsNotExposed() throws Exception {
        assertThat(get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
        assertThat(get("/camunda/api/engine/engine/").statusCode()).isIn(302, 401, 403);
        assertThat(get("/engine-rest/process-definition").statusCode()).isIn(302, 401, 403, 404);
        HttpResponse<String> english = get("/confirm/" + "y".repeat(43) + "?lang=en");
        assertThat(english.body()).contains("This link is not valid");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
