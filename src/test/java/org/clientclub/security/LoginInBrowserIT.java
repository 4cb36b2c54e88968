package org.clientclub.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.clientclub.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The log-in page's own form in Debian's Chromium: it posts Spring Security's CSRF token, which POST /login now
 * requires ({@code LoginHostileInputIT} shows the refusal without it), and the member of staff is let in. Timeouts are
 * generous: the development-mode bundle takes long to load on a busy machine. Skipped without /usr/bin/chromium,
 * unless -Dclientclub.browser.required=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginInBrowserIT {

    private static final double WAIT_MS = 120_000;

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launchOrSkip();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theLogInFormPostsItsCsrfTokenAndLetsStaffIn() {
        String username = "csrf-browser-" + System.nanoTime();
        String password = "browser-" + System.nanoTime();
        staff.save(
                new StaffAccount(username, "Ирина", "Тестова", username + "@clientclub.local", Set.of("CLUB_STAFF")),
                password);
        List<String> logInPosts = new CopyOnWriteArrayList<>();
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(WAIT_MS);
            page.onRequest(request -> {
                if ("POST".equals(request.method()) && request.url().endsWith("/login")) {
                    logInPosts.add(String.valueOf(request.postData()));
                }
            });

            page.navigate("http://localhost:" + port + "/login");
            page.locator("vaadin-login-form input[name=username]").fill(username);
            page.locator("vaadin-login-form input[name=password]").fill(password);
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();

            assertThat(page)
                    .not()
                    .hasURL(Pattern.compile(".*/login.*"), new PageAssertions.HasURLOptions().setTimeout(WAIT_MS));
            assertThat(page.locator("vaadin-app-layout"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT_MS));
        }
        assertThat(logInPosts)
                .singleElement()
                .satisfies(body ->
                        assertThat(body).contains("username=" + username).containsPattern("_csrf=[^&]{20,}"));
    }
}
