package org.clientclub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
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
        staff.save(new StaffAccount(username, "Ирина", "Проверкина", username + "@clientclub.local",
                Set.of("CLUB_STAFF")), password);
        // an administrator must exist, or the webapps only offer their set-up page
        String adminPassword = UUID.randomUUID().toString();
        staff.save(new StaffAccount("webapp-admin", "Анна", "Админова", "webapp-admin@clientclub.local",
                Set.of("ADMIN")), adminPassword);
        Session session = new Session();

        assertThat(new Session().post("/login", "username=no-such-user&password=wrong", null).headers()
                .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        HttpResponse<String> login = session.post("/login", "username=" + username + "&password=" + URLEncoder.encode(password,
                StandardCharsets.UTF_8), null);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).as("logged in").hasValueSatisfying(
                l -> assertThat(l).doesNotContain("error"));

        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = session.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"" + username + "\"").contains("cockpit");
        assertThat(session.get("/camunda/api/engine/engine/default/process-definition/count").body()).contains("count");
        assertThat(session.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);

        assertThat(session.createUser("intruder").statusCode()).isEqualTo(403);
        assertThat(staff.find("intruder")).isEmpty();

        // The same request from an administrator goes through, so it was the authorization that refused it.
        assertThat(staff.find("webapp-admin")).hasValueSatisfying(a -> assertThat(a.roles()).containsExactly("ADMIN"));
        Session admin = new Session();
        assertThat(admin.post("/login", "username=webapp-admin&password=" + adminPassword, null).headers()
                .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> adminApp = admin.get("/camunda/app/admin/default/");
        assertThat(adminApp.statusCode()).as(adminApp.body()).isEqualTo(200);
        HttpResponse<String> created = admin.createUser("created-by-admin-" + username);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    }

    /** One browser's cookies against the test server. */
    private final class Session {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String body, String xsrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (xsrf == null) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
            } else {
                request.header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Creates a user through the webapps' engine API, as the admin app does. */
        HttpResponse<String> createUser(String id) throws Exception {
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            return post("/camunda/api/engine/engine/default/user/create", "{\"profile\":{\"id\":\"" + id
                    + "\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@example.org\"},"
                    + "\"credentials\":{\"password\":\"secret-123-long\"}}", xsrf);
        }
    }
}
