package org.clientclub.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium under Playwright for Java, the one way the browser tests start it: Playwright never downloads a
 * browser of its own (there is none to fetch here), and Chromium runs headless without sandbox, GPU, background
 * networking, component updates or sync, so nothing leaves the machine. Each launch gets a fresh profile: Playwright
 * makes a new temporary user data directory for every {@code launch} and removes it on close.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    /** Turns a missing Chromium from a skipped browser test into a failure, as {@code .ci/run} asks for. */
    public static final String REQUIRED_PROPERTY = "clientclub.browser.required";

    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Starts Chromium, or aborts the calling test class (reported as skipped) when it is not installed, unless
     * {@code -Dclientclub.browser.required=true} makes that a failure.
     */
    public static Chromium launchOrSkip() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                throw new IllegalStateException(
                        "Chromium is required but " + EXECUTABLE + " is missing: apt-get install -y chromium");
            }
            Assumptions.abort(
                    "No " + EXECUTABLE + ": install it (apt-get install -y chromium) to run the browser test");
        }
        return launch();
    }

    /** Starts Chromium; its absence is a failure whatever the properties say. */
    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("This test needs " + EXECUTABLE + ": apt-get install -y chromium");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(EXECUTABLE)
                            .setHeadless(true)
                            .setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
