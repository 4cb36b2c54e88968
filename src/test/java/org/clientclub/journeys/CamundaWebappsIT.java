package org.clientclub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.clientclub.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Camunda webapps with the staff app's accounts: one log-in, and staff cannot administer the engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CamundaWebappsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Test
    void staffLoggedIntoTheAppReadCockpitButCannotManageUsersOrOpenTheAdminApp() throws Exception {
        String username = "webapp-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        staff.save(
                new StaffAccount(username, "Ирина", "Проверкина", username + "@clientclub.local", Set.of("CLUB_STAFF")),
                password);
        // an administrator must exist, or the webapps only offer their set-up page
        String adminPassword = UUID.randomUUID().toString();
        staff.save(
                new StaffAccount("webapp-admin", "Анна", "Админова", "webapp-admin@clientclub.local", Set.of("ADMIN")),
                adminPassword);
        WebSession session = new WebSession(port);

        assertThat(new WebSession(port).login("no-such-user", "wrong").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("error"));
        HttpResponse<String> login = session.login(username, password);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .as("logged in")
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = session.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"" + username + "\"").contains("cockpit");
        assertThat(session.get("/camunda/api/engine/engine/default/process-definition/count")
                        .body())
                .contains("count");
        assertThat(session.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);

        assertThat(createUser(session, "intruder").statusCode()).isEqualTo(403);
        assertThat(staff.find("intruder")).isEmpty();

        // The same request from an administrator goes through, so it was the authorization that refused it.
        assertThat(staff.find("webapp-admin"))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly("ADMIN"));
        WebSession admin = new WebSession(port);
        assertThat(WebSession.loggedIn(admin.login("webapp-admin", adminPassword)))
                .isTrue();
        HttpResponse<String> adminApp = admin.get("/camunda/app/admin/default/");
        assertThat(adminApp.statusCode()).as(adminApp.body()).isEqualTo(200);
        HttpResponse<String> created = createUser(admin, "created-by-admin-" + username);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    }

    /** Creates a user through the webapps' engine API, as the admin app does. */
    private static HttpResponse<String> createUser(WebSession session, String id) throws Exception {
        return session.json(
                "POST",
                "/camunda/api/engine/engine/default/user/create",
                "{\"profile\":{\"id\":\"" + id
                        + "\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@example.org\"},"
                        + "\"credentials\":{\"password\":\"secret-123-long\"}}");
    }
}
