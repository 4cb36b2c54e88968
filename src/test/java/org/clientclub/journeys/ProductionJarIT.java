package org.clientclub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.clientclub.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production jar as staff see it, in Debian's Chromium. {@code .ci/run} builds the jar with {@code -Pproduction},
 * starts it with the Spring profile {@code production} on the PostgreSQL server and passes its address as
 * {@code -Dclientclub.production.url}; the first ADMIN, which the jar created from {@code CLIENTCLUB_ADMIN_USERNAME}
 * and {@code CLIENTCLUB_ADMIN_PASSWORD} (read here from the same environment), logs in and finds the inbox, and no
 * page shows Vaadin's development mode: no dev tools or Copilot, no "Development Mode" toast, nothing from Vite.
 * Without that property the test is skipped (reported as skipped, not passed): {@code ./mvnw verify} boots the app
 * in development mode. Screenshots go to target/screenshots/.
 */
class ProductionJarIT {

    static final String URL_PROPERTY = "clientclub.production.url";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Chromium chromium;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void launchChromium() throws Exception {
        String url = System.getProperty(URL_PROPERTY, "");
        if (url.isBlank()) {
            return; // the test reports itself skipped
        }
        // The jar was just started: its first pages may take longer than Playwright's five seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theFirstAdminLogsInAndSeesTheInboxWithoutDevelopmentMode() {
        Assumptions.assumeTrue(
                base != null, "No -D" + URL_PROPERTY + ": .ci/run starts the production jar and passes its address");
        String username = required("CLIENTCLUB_ADMIN_USERNAME");
        String password = required("CLIENTCLUB_ADMIN_PASSWORD");
        List<String> requests = new CopyOnWriteArrayList<>();
        try (var context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("ru-RU"))) {
            Page page = context.newPage();
            page.onRequest(request -> requests.add(request.url()));

            // A stranger who opens the inbox gets the log-in page, and a wrong password does not get past it.
            page.navigate(base + "/inbox");
            assertThat(page.locator("vaadin-login-form")).isVisible();
            logIn(page, username, password + "-wrong");
            page.waitForURL(Pattern.compile(".*/login\\?error.*"));
            assertThat(page.locator("vaadin-app-layout")).hasCount(0);

            logIn(page, username, password);
            assertThat(page.locator("vaadin-app-layout h2")).hasText("Задачи");
            assertThat(page.locator("#inbox-scope")).isVisible();
            assertThat(page.locator("vaadin-grid")).isVisible();
            DevelopmentModeTraces.assertNoToastOrDevTools(page, SCREENSHOTS.resolve("production-inbox.png"));
            assertThat(page.evaluate("() => !!(window.Vaadin && window.Vaadin.developmentMode)"))
                    .as("window.Vaadin.developmentMode")
                    .isEqualTo(false);
        }
        assertThat(requests).isNotEmpty().noneMatch(DevelopmentModeTraces::fromDevelopmentMode);
    }

    private static void logIn(Page page, String username, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    variable + " must be set: the production jar creates its first ADMIN from it");
        }
        return value;
    }
}
