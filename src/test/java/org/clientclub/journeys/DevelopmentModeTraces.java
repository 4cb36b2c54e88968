package org.clientclub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Vaadin's development mode shows a person: its "Development Mode" toast and the dev tools (and Copilot)
 * elements that carry it. The demo (development mode with the dev tools off) and the production jar show none.
 */
final class DevelopmentModeTraces {

    private static final List<String> ELEMENTS = List.of("vaadin-dev-tools", "copilot-main", "vaadin-devmode-gizmo");

    private DevelopmentModeTraces() {}

    /** Waits a moment (the toast comes after the view), takes a screenshot and checks that the page shows none. */
    static void assertNoToastOrDevTools(Page page, Path screenshot) {
        page.waitForTimeout(1_500);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot));
        for (String element : ELEMENTS) {
            assertThat(page.locator(element)).hasCount(0);
        }
        assertThat(page.getByText(Pattern.compile("development mode", Pattern.CASE_INSENSITIVE)))
                .hasCount(0);
    }

    /** A request only development mode makes: the Vite client and dev server, or the dev tools and Copilot. */
    static boolean fromDevelopmentMode(String url) {
        return url.contains("/@vite/")
                || url.contains("/@fs/")
                || url.contains("vaadin-dev-tools")
                || url.contains("copilot");
    }
}
