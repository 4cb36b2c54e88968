package org.clientclub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
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

            // The demo mailbox belongs to the in-process mail server: neither in the menu nor found here.
            assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Журнал писем")))
                    .isVisible();
            assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Демо-почта")))
                    .hasCount(0);
            page.navigate(base + "/demo-mailbox");
            assertThat(page.locator("#page-not-found")).hasText("Страница не найдена");
        }
        assertThat(requests).isNotEmpty().noneMatch(DevelopmentModeTraces::fromDevelopmentMode);
    }

    /**
     * The operator's charts come from the frontend bundle built with Chart.js: the backlog chart, which the sampler
     * fills from the first minutes of the jar's life, is drawn on its canvas (pixels that are not blank).
     */
    @Test
    void theAdminSeesTheFiguresDrawnAsCharts() {
        Assumptions.assumeTrue(
                base != null, "No -D" + URL_PROPERTY + ": .ci/run starts the production jar and passes its address");
        try (var context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 1800).setLocale("ru-RU"))) {
            Page page = context.newPage();
            page.navigate(base + "/admin/figures");
            logIn(page, required("CLIENTCLUB_ADMIN_USERNAME"), required("CLIENTCLUB_ADMIN_PASSWORD"));
            assertThat(page.locator("vaadin-app-layout h2")).hasText("Показатели");
            Locator canvas = page.locator("#figures-backlog-chart canvas");
            // The sampler's first row comes seconds after the start; the page reads the figures when it opens.
            for (int attempt = 0; attempt < 12 && !canvas.isVisible(); attempt++) {
                page.waitForTimeout(5_000);
                page.locator("#figures-refresh").click();
            }
            assertThat(canvas).isVisible();
            page.waitForFunction(DRAWN, canvas.elementHandle());
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("production-figures.png"))
                    .setFullPage(true));
        }
    }

    /** Whether a canvas has pixels that are not fully transparent: Chart.js drew on it. */
    static final String DRAWN = """
            canvas => {
              if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
              return false;
            }""";

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
