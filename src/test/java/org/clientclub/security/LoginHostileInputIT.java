package org.clientclub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.clientclub.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a stranger tries against the staff log-in: guessing an administrator's password until the account locks, and
 * the doors round the throttled /login. The server trusts X-Forwarded-For from the local test client, as it would
 * from a reverse proxy, so one test plays clients at several addresses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class LoginHostileInputIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Test
    void aStrangerGuessingTheAdministratorsPasswordIsThrottledAndTheAdministratorStillLogsIn() throws Exception {
        String admin = "adm-" + UUID.randomUUID().toString().substring(0, 6);
        String password = account(admin, "ADMIN");
        WebSession stranger = new WebSession(port, "203.0.113.77");

        for (int i = 0; i < 12; i++) {
            assertThat(WebSession.loggedIn(stranger.login(admin, "guess-" + i))).isFalse();
        }
        assertThat(WebSession.loggedIn(stranger.login(admin, password)))
                .as("the stranger's address is throttled, even with the right password")
                .isFalse();

        assertThat(WebSession.loggedIn(new WebSession(port, "198.51.100.23").login(admin, password)))
                .as("the administrator from their own address")
                .isTrue();
    }

    @Test
    void theEngineNeverLocksAnAccountHoweverManyWrongPasswordsItChecks() {
        String manager = "mgr-" + UUID.randomUUID().toString().substring(0, 6);
        String password = account(manager, "CLUB_MANAGER");

        for (int i = 0; i < 15; i++) {
            assertThat(staff.authenticate(manager, "guess-" + i)).isEmpty();
        }

        assertThat(staff.authenticate(manager, password)).as("no lock, no wait").isPresent();
    }

    @Test
    void theWebappsOwnLogInAndTheEnginesPasswordCheckAreClosed() throws Exception {
        String user = "stf-" + UUID.randomUUID().toString().substring(0, 6);
        String password = account(user, "CLUB_STAFF");
        account("adm-webapps-" + user, "ADMIN");

        WebSession anonymous = new WebSession(port, "192.0.2.41");
        HttpResponse<String> webappLogin =
                anonymous.form("/camunda/api/admin/auth/user/default/login/cockpit", user, password);
        assertThat(webappLogin.statusCode()).as(webappLogin.body()).isNotEqualTo(200);
        assertThat(anonymous.get("/camunda/api/admin/auth/user/default").statusCode())
                .isNotEqualTo(200);

        WebSession loggedIn = new WebSession(port, "192.0.2.42");
        assertThat(WebSession.loggedIn(loggedIn.login(user, password))).isTrue();
        assertThat(loggedIn.form("/camunda/api/admin/auth/user/default/login/cockpit", user, password)
                        .statusCode())
                .isEqualTo(403);
        assertThat(loggedIn.json(
                                "POST",
                                "/camunda/api/engine/engine/default/identity/verify",
                                "{\"username\":\"" + user + "\",\"password\":\"wrong\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aForeignPageCannotLogABrowserInWithoutTheLogInPagesToken() throws Exception {
        String attacker = "atk-" + UUID.randomUUID().toString().substring(0, 6);
        String password = account(attacker, "CLUB_STAFF");
        WebSession victim = new WebSession(port, "192.0.2.51");

        HttpResponse<String> forged = victim.loginWithoutToken(attacker, password);

        assertThat(WebSession.loggedIn(forged))
                .as("a cross-site POST /login with the attacker's own, right password: " + forged.statusCode())
                .isFalse();
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> afterwards = victim.get("/members");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));

        assertThat(WebSession.loggedIn(victim.login(attacker, password)))
                .as("the log-in page's own form, with its token")
                .isTrue();
    }

    private String account(String username, String... roles) {
        String password = UUID.randomUUID().toString();
        staff.save(
                new StaffAccount(username, "Тест", username, username + "@clientclub.local", Set.of(roles)), password);
        return password;
    }
}
