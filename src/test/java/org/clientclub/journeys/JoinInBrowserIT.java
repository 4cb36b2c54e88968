package org.clientclub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.mail.internal.server.EmbeddedMailServer;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.clientclub.support.Chromium;
import org.clientclub.support.MailClient;
import org.clientclub.support.Mailbox;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journey a person makes, in Debian's Chromium: fill in the questionnaire at /join, open the confirmation
 * link from the e-mail, confirm, and a member of staff finds the new member. Screenshots go to
 * target/screenshots/. Without /usr/bin/chromium the test is skipped, unless -Dclientclub.browser.required=true
 * (as in .ci/run) makes that a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JoinInBrowserIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    GreenMail greenMail;

    @Autowired
    StaffDirectory staff;

    @Autowired
    EmbeddedMailServer.ClubMailbox clubMailbox;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void launchChromium() throws Exception {
        chromium = Chromium.launchOrSkip();
        browser = chromium.browser();
        Files.createDirectories(SCREENSHOTS);
        // The first page of a freshly started app in development mode can take more than Playwright's 5 s on a busy
        // machine (two cores, the other tests' contexts alive): what is awaited must appear, not appear at once.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    /** What the browser refused under the app's Content-Security-Policy: the pages must not need any of it. */
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    /** The Camunda webapps send a policy of their own (decided by Camunda), so only the app's pages are watched. */
    private Page watched(Page page) {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    && !page.url().contains("/camunda/")) {
                policyViolations.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    @AfterEach
    void theAppsPagesBrokeNoContentSecurityPolicy() {
        assertThat(policyViolations).isEmpty();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorJoinsConfirmsByMailAndStaffFindTheMember() throws Exception {
        String email = TestQuestionnaires.newEmail();
        String base = "http://localhost:" + port;
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 1100))) {
            Page page = watched(context.newPage());
            page.navigate(base + "/join");
            assertThat(page.locator("h1")).hasText("Вступить в Клуб клиентов");
            assertThat(page.locator("#join-pdf"))
                    .hasAttribute("href", java.util.regex.Pattern.compile("questionnaire\\.pdf"));
            fillQuestionnaire(page, "Кузнецова", "Анна", "14.02.1979", "Новосибирская", "Новосибирск", "630000");
            page.locator("#field-email input").fill(email);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("01-join-questionnaire.png"))
                    .setFullPage(true));
            page.locator("#join-next").click();

            assertThat(page.locator("#consent-text")).containsText("персональных данных");
            page.locator("#consent-accept").click();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("02-join-consent.png"))
                    .setFullPage(true));
            page.locator("#join-submit").click();
            assertThat(page.locator("#join-thanks")).containsText(email);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("03-join-thanks.png")));

            Mailbox mailbox = new Mailbox(greenMail);
            String link = Mailbox.linkPath(mailbox.awaitMessage(email, 1), "confirm");
            page.navigate(base + link);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("04-confirm-page.png")));
            page.locator("#confirm-button").click();
            assertThat(page.locator("#result")).containsText("адрес подтверждён");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05-confirmed.png")));
            var welcome = mailbox.awaitMessage(email, 2);
            assertThat(welcome.getSubject()).isEqualTo("Добро пожаловать в Клуб клиентов!");
            String cardPage = base + Mailbox.linkPath(welcome, "card");
            page.navigate(cardPage);
            assertThat(page.locator("#card-number")).hasText(java.util.regex.Pattern.compile("29\\d{11}"));
            String card = page.locator("#card-number").textContent().trim();
            assertThat(page.locator("#barcode")).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("06-card-page.png"))
                    .setFullPage(true));

            // The welcome e-mail's idea link: a proposal whose title is markup stays text, and is received.
            page.navigate(base + Mailbox.linkPath(welcome, "ideas/new"));
            page.locator("#idea-title input").fill("<img src=x onerror=\"document.title='pwned'\">Скамейки у окошек");
            page.locator("#idea-description textarea")
                    .fill("Пожилым трудно стоять в очереди за посылками, нужны скамейки.");
            page.locator("#idea-postcode input").fill("630000");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("06b-idea-proposal.png"))
                    .setFullPage(true));
            page.locator("#idea-submit").click();
            assertThat(page.locator("#idea-thanks")).containsText("получена");
            assertThat(page).not().hasTitle("pwned");

            String password = logIn(page, base + "/members");
            assertThat(page.locator("vaadin-app-layout h2")).hasText("Участники");
            page.locator("#members-search input").fill(email);
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(email)))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("07-members.png")));

            page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(email))
                    .click();
            assertThat(page.locator("vaadin-app-layout h2")).hasText("Анна Кузнецова");
            assertThat(page.getByText("Участник принят").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("08-member-page.png"))
                    .setFullPage(true));

            // Purchases at the tills: an export with two receipts and a line the import refuses, then the card.
            page.navigate(base + "/purchase-imports");
            Path export = Files.createTempFile("till-export", ".csv");
            Files.writeString(
                    export,
                    String.join(
                            "\n",
                            "card;datetime;postcode;amount;category;receipt",
                            card + ";2026-11-20 10:15:00;630000;1 234,50;POSTCARDS;K-" + card + "-1",
                            card + ";2026-11-21 11:00:00;630000;450,00;GOODS;K-" + card + "-2",
                            card + ";2026-11-21 11:05:00;630000;12,3x;GOODS;K-" + card + "-3",
                            ""));
            page.locator("#imports-upload input[type=file]").setInputFiles(export);
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("готово")))
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("12-purchase-import.png")));
            Files.delete(export);

            page.navigate(base + "/cards");
            page.locator("#cards-query input").fill(card);
            page.locator("#cards-find").click();
            // 100 welcome + 12 hundreds of postcards x 5 + 4 hundreds of goods x 3
            assertThat(page.locator("#cards-balance")).containsText("172");
            assertThat(page.locator(
                            "vaadin-grid-cell-content",
                            new Page.LocatorOptions()
                                    .setHasText("Покупки в отделениях: чеков — 2, на 1\u00a0684,50 ₽")))
                    .isVisible();
            // The member spends 50 points at the counter of post office 630000.
            page.locator("#cards-redeem-points input").fill("50");
            page.locator("#cards-redeem-office input").fill("630000");
            page.locator("#cards-redeem-reason input").fill("Марки, чек 88");
            page.locator("#cards-redeem").click();
            assertThat(page.locator("#cards-balance")).containsText("122");
            assertThat(page.locator(
                            "vaadin-grid-cell-content",
                            new Page.LocatorOptions().setHasText("Отделение 630000: Марки, чек 88")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("13-card-history.png"))
                    .setFullPage(true));
            // The member sees the same on their card page, without the counter's note.
            page.navigate(cardPage);
            assertThat(page.locator("#card-history")).containsText("Списание в отделении 630000");
            assertThat(page.locator("#card-history")).not().containsText("чек 88");
            assertThat(page.locator("#card-history")).containsText("Покупки в отделениях: чеков — 2");
            assertThat(page.locator("#card-history")).containsText("Приветственные баллы за вступление в клуб");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("14-card-page-after-purchases.png"))
                    .setFullPage(true));

            // The Camunda webapps send everyone to their setup page until an administrator exists.
            staff.save(
                    new StaffAccount(
                            "browser-admin", "Анна", "Админова", "browser-admin@clientclub.local", Set.of("ADMIN")),
                    password);
            page.navigate(base + "/camunda/app/cockpit/default/#/processes");
            assertThat(page.getByText("Вступление в клуб").first())
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("09-cockpit.png")));
        }
    }

    @Test
    void staffTranscribeAScannedQuestionnaireThatCameByMail() throws Exception {
        String sender = TestQuestionnaires.newEmail();
        String base = "http://localhost:" + port;
        new MailClient(greenMail)
                .sendPdf(
                        sender,
                        "Пётр Сидоров",
                        clubMailbox.address(),
                        "Анкета (скан)",
                        "Заполнил анкету от руки, скан во вложении.",
                        "Скан анкеты.pdf",
                        QuestionnairePdfs.imageOnly(),
                        null);
        String taskId = await().atMost(java.time.Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql(
                                        "SELECT 'mail-' || inbound_mail_id FROM membership_mail_intake WHERE sender = :s")
                                .param("s", sender)
                                .query(String.class)
                                .optional()
                                .map(key -> tasks.createTaskQuery()
                                        .processInstanceBusinessKey(key)
                                        .singleResult())
                                .map(Task::getId),
                        java.util.Optional::isPresent)
                .orElseThrow();

        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = watched(context.newPage());
            logIn(page, base + "/club-mailbox");
            assertThat(page.locator("vaadin-app-layout h2")).hasText("Почта клуба");
            // development mode, as in the demo: application.yaml turns its toast and dev tools off
            DevelopmentModeTraces.assertNoToastOrDevTools(page, SCREENSHOTS.resolve("10-club-mailbox-opened.png"));
            page.locator("vaadin-text-field").first().locator("input").fill(sender);
            assertThat(page.locator(
                            "vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Ждёт сотрудника")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("10-club-mailbox.png")));

            page.navigate(base + "/tasks/" + taskId);
            assertThat(page.locator("#transcription-attachment")).isVisible();
            fillQuestionnaire(page, "Сидоров", "Пётр", "03.09.1950", "Москва", "Москва", "101000");
            page.locator("#transcription-consent").click();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("11-transcription-task.png"))
                    .setFullPage(true));
            page.locator("#transcription-save").click();
            assertThat(page.getByText("Задача завершена").first()).isVisible();
        }
        Mailbox mailbox = new Mailbox(greenMail);
        assertThat(mailbox.awaitMessage(sender, 1).getSubject()).isEqualTo("Подтвердите адрес для Клуба клиентов");
    }

    /** The questionnaire's fields, the same on the join page and on the transcription task; answers "yes". */
    private static void fillQuestionnaire(
            Page page,
            String lastName,
            String firstName,
            String birthDate,
            String region,
            String town,
            String postcode) {
        page.locator("#field-lastName input").fill(lastName);
        page.locator("#field-firstName input").fill(firstName);
        page.locator("#field-birthDate input").fill(birthDate);
        page.locator("#field-birthDate input").press("Enter");
        page.locator("#field-region input").fill(region);
        page.locator("vaadin-combo-box-item").first().click();
        page.locator("#field-town input").fill(town);
        page.locator("#field-postcode input").fill(postcode);
        page.locator("#field-readyForInteraction vaadin-radio-button").first().click();
    }

    /** Signs a new member of staff in on the log-in page that opening {@code url} shows. @return their password */
    private String logIn(Page page, String url) {
        String username = "browser-staff-" + System.nanoTime();
        String password = "browser-test-" + System.nanoTime();
        staff.save(
                new StaffAccount(username, "Ирина", "Тестова", username + "@clientclub.local", Set.of("CLUB_STAFF")),
                password);
        page.navigate(url);
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        return password;
    }
}
