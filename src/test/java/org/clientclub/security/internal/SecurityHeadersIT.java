package org.clientclub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.clientclub.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each kind of page sends the Content-Security-Policy it works with, over real HTTP so that the Camunda webapps' own
 * filters run too: the staff app the one Vaadin works with, the token pages one without scripts plus no referrer,
 * and the Camunda webapps only their own, with its nonce (two policies would both apply and break them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIT {

    private static final String CSP = "Content-Security-Policy";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    WebSession web;

    @BeforeEach
    void openSession() {
        web = new WebSession(port);
    }

    @Test
    void tokenPagesRunNoScriptCannotBeFramedAndSendNoReferrer() throws Exception {
        for (String page : new String[] {
            "/confirm/no-such-token", "/guardian/no-such-token", "/unsubscribe/no-such-token", "/card/no-such-token"
        }) {
            HttpResponse<String> response = web.get(page);

            assertThat(response.headers().allValues(CSP))
                    .as(page)
                    .containsExactly(SecurityConfiguration.TOKEN_PAGE_POLICY);
            assertThat(response.headers().allValues(CSP).get(0))
                    .contains("default-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("script-src");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(page)
                    .hasValue("no-referrer");
        }
    }

    @Test
    void theStaffAppAndThePublicQuestionnaireGetThePolicyVaadinWorksWith() throws Exception {
        for (String page : new String[] {"/login", "/join", "/"}) {
            HttpResponse<String> response = web.get(page);

            assertThat(response.headers().allValues(CSP))
                    .as(page)
                    .containsExactly(SecurityConfiguration.STAFF_APP_POLICY);
            assertThat(response.headers().allValues(CSP).get(0))
                    .contains("object-src 'none'", "frame-ancestors 'self'");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(page)
                    .isEmpty();
        }
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicyWithItsNonce() throws Exception {
        String username = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        staff.save(
                new StaffAccount(username, "Ирина", "Проверкина", username + "@clientclub.local", Set.of("CLUB_STAFF")),
                password);
        // an administrator must exist, or the webapps only offer their set-up page
        staff.save(
                new StaffAccount("csp-admin", "Анна", "Админова", "csp-admin@clientclub.local", Set.of("ADMIN")),
                UUID.randomUUID().toString());
        assertThat(WebSession.loggedIn(web.login(username, password))).isTrue();

        HttpResponse<String> cockpit = web.get("/camunda/app/cockpit/default/");

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.headers().allValues(CSP)).hasSize(1);
        assertThat(cockpit.headers().allValues(CSP).get(0)).contains("'nonce-").doesNotContain("frame-src");
    }
}
