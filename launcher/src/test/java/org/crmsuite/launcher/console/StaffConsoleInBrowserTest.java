package org.crmsuite.launcher.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.crmsuite.launcher.bench.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff console as a person uses it: the whole suite started by the launcher (random ports, fresh data, demo data
 * seeded), a real headless Chromium opening the console through the gateway, signing in on identity's own login page,
 * and working through the screens in order. Every main screen is photographed into docs/screenshots. A failing step
 * leaves the page's source, its console log (CSP refusals, script errors) and a screenshot in
 * launcher/target/console-e2e.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffConsoleInBrowserTest {

    private static final String PASSWORD = "local-demo-password"; // identity's LOCAL demo password (DemoDirectory)
    private static final Duration SUITE_UP = Duration.ofMinutes(8);

    /** Demo people (identity seed.DemoDirectory). */
    private static final String MANAGER_EAST = "manager.east";
    private static final String MANAGER_EAST_NAME = "Zhang Wei";
    /** A customer of east sales (customer-service demo data). */
    private static final String EAST_CUSTOMER = "demo-customer-02";
    /**
     * Event → inbox: normally seconds. The bound allows one retry of the recipient look-up at identity
     * (notification-service {@code directory.retry-delay}, 1 min), which a look-up that timed out while nine JVMs
     * share two cores can need; an open breaker costs no retry delay (docs/notifications.md).
     */
    private static final Duration INBOX_DELIVERY = Duration.ofSeconds(100);
    private static final int INBOX_PAGES_READ = 10;

    private final Path repoRoot = Path.of(System.getProperty("crm.repo.root", "..")).toAbsolutePath().normalize();
    private final Path screenshots = repoRoot.resolve("docs").resolve("screenshots");
    private final Path evidence = repoRoot.resolve("launcher").resolve("target").resolve("console-e2e");

    private RunningSuite suite;
    private Path data;
    private Browser browser;
    private String console;
    private String identityLogin;
    private String signedIn;
    private long startedNanos;
    /** What the steps leave for later steps. */
    private final String visitorName = "E2E Visitor " + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final String visitorPhone = "139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
    private String walkInRep;
    private String complaintId;

    @RegisterExtension
    final TestWatcher keepEvidenceOfFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            keepEvidence(context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    void startTheSuiteAndABrowser() throws Exception {
        Browser.requireInstalled(); // before the suite: a skip costs nothing
        startedNanos = System.nanoTime();
        Files.createDirectories(evidence);
        data = Files.createTempDirectory("console-e2e-suite-");
        // a module may take longer than the launcher's 180 s on a busy 2-core machine (the whole run is timed below)
        suite = RunningSuite.start(repoRoot, data, Map.of("CRM_START_TIMEOUT", "360"), false);
        double up = suite.awaitUp(SUITE_UP);
        console = "http://127.0.0.1:" + suite.member("gateway").port() + "/console/";
        identityLogin = "http://localhost:" + suite.member("identity").port() + "/login";
        System.out.printf("console e2e: suite up in %.1f s (launcher's figure %.1f s); console at %s%n",
                suite.secondsSinceStart(), up, console);
        browser = Browser.start(evidence.resolve("chromedriver.log"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (browser != null) {
                Files.write(evidence.resolve("browser-console.log"), browser.consoleLog(), StandardCharsets.UTF_8);
                browser.close();
            }
        } finally {
            if (suite != null) {
                Files.write(evidence.resolve("suite-output.log"), suite.output(), StandardCharsets.UTF_8);
                suite.close();
            }
            if (data != null) {
                keepModuleLogs();
                deleteQuietly(data);
            }
            System.out.printf("console e2e: boot and all flows took %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
        }
    }

    // ---- signing in, home, language ---------------------------------------------------------------------------

    @Test
    @Order(1)
    void aStaffMemberSignsInOnIdentitysLoginPageAndLandsOnTheirHome() throws IOException {
        // not signed in: the console sends the browser to identity's own login form (authorization code + PKCE)
        signInAs(MANAGER_EAST);

        assertThat(browser.url()).startsWith(console);
        assertThat(browser.await(By.tagName("h1")).getText()).contains(MANAGER_EAST_NAME);
        assertThat(browser.await(By.cssSelector(".who .person")).getText()).contains(MANAGER_EAST_NAME);
        browser.screenshot(screenshots.resolve("home.png"));
        assertNoPageErrors("home");
        // a sales manager's navigation, in the header on a wide screen: reception, complaints, customers, visits,
        // dashboards, inbox
        for (String nav : List.of("nav-reception", "nav-complaints", "nav-customers", "nav-visits", "nav-dashboards",
                "nav-inbox")) {
            assertThat(browser.await(By.id(nav)).isDisplayed()).as(nav).isTrue();
        }
    }

    @Test
    @Order(2)
    void switchingTo中文ShowsChineseLabelsAndEnglishComesBack() {
        signInAs(MANAGER_EAST);
        browser.open(console);
        try {
            browser.await(By.id("lang-zh")).click();

            browser.until(Browser.WAIT, page -> page.findElement(By.tagName("html")).getAttribute("lang").startsWith("zh"));
            assertThat(browser.await(By.tagName("h1")).getText()).contains("您好");
            assertThat(browser.await(By.id("sign-out")).getText()).isEqualTo("退出登录");
            assertThat(browser.await(By.cssSelector(".cards")).getText()).contains("前台接待", "投诉", "客户", "拜访");
            // the choice is remembered (a cookie): the next page is Chinese without asking again
            browser.open(console + "complaints");
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("投诉");
            assertThat(browser.await(By.id("new-complaint")).getText()).isEqualTo("登记投诉");

            browser.await(By.id("lang-en")).click();
            browser.until(Browser.WAIT, page -> page.findElement(By.tagName("html")).getAttribute("lang").startsWith("en"));
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Complaints");
            assertThat(browser.await(By.id("new-complaint")).getText()).isEqualTo("File a complaint");
            assertNoPageErrors("language switch");
        } finally {
            browser.open(console + "?lang=en"); // the later steps read English labels, whatever happened here
        }
    }

    // ---- reception ----------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void aWalkInAtReceptionGoesToTheRepNextOnTheRotaAndTheScreenSaysByWhichRule() throws IOException {
        signInAs(MANAGER_EAST);
        browser.open(console + "reception");
        // the rota loads as its own part: who is next before the visitor arrives (SA-1)
        WebElement next = browser.await(By.id("rota-next"));
        String expectedRep = next.getAttribute("data-rep");
        assertThat(expectedRep).as("someone is next on today's demo rota").isNotBlank();
        browser.await(By.id("units"));

        browser.await(By.id("visitorName")).sendKeys(visitorName);
        browser.await(By.id("phone")).sendKeys(visitorPhone);
        new Select(browser.await(By.id("visitedBefore"))).selectByValue("NO");
        browser.await(By.id("walk-in-submit")).click();

        WebElement result = browser.await(By.id("walk-in-result"));
        walkInRep = result.getAttribute("data-rep");
        // SA-1: a new visitor goes to the rep whose turn it is, and the screen names the rule it applied
        assertThat(walkInRep).isEqualTo(expectedRep);
        assertThat(result.getAttribute("data-rule")).isNotBlank();
        assertThat(browser.await(By.id("walk-in-rule")).getText()).contains("SA-1");
        assertThat(browser.await(By.id("walk-in-rule-text")).getText()).isNotBlank();
        assertThat(browser.await(By.id("walk-in-assignee-id")).getText()).contains(walkInRep);
        awaitPartsLoaded();
        assertScreenHealthy("reception");
        browser.fullPageScreenshot(screenshots.resolve("reception.png"));
    }

    // ---- complaints ---------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void aComplaintWithoutWhatTheCustomerSaysShowsTheServicesMessageNextToThatField() {
        signInAs(MANAGER_EAST);
        browser.open(console + "complaints");
        browser.await(By.id("new-complaint")).click();
        browser.await(By.id("complaint-form"));
        new Select(browser.await(By.id("channel"))).selectByValue("PHONE");
        new Select(browser.await(By.id("category"))).selectByIndex(1);
        browser.await(By.id("customerId")).sendKeys(EAST_CUSTOMER);
        browser.await(By.id("content")).clear(); // left empty: the service refuses it (CO-1, problem+json)
        browser.await(By.id("complaint-submit")).click();

        // the service's own words, under the field they name, and the form keeps what was typed
        WebElement error = browser.await(By.id("error-content"));
        assertThat(error.getText()).isNotBlank();
        assertThat(error.getAttribute("class")).contains("field-error");
        assertThat(browser.await(By.id("customerId")).getAttribute("value")).isEqualTo(EAST_CUSTOMER);
        assertNoPageErrors("complaint form error");
    }

    @Test
    @Order(5)
    void aFiledComplaintIsEscalatedAndItsStatusLevelAndTimelineChange() throws IOException {
        signInAs(MANAGER_EAST);
        if (!browser.url().contains("/console/complaints") || !browser.has(By.id("complaint-form"))) {
            browser.open(console + "complaints/new");
        }
        browser.await(By.id("complaint-form"));
        new Select(browser.await(By.id("channel"))).selectByValue("PHONE");
        Select category = new Select(browser.await(By.id("category")));
        if (category.getFirstSelectedOption().getAttribute("value").isEmpty()) {
            category.selectByIndex(1);
        }
        new Select(browser.await(By.id("level"))).selectByValue("L1");
        WebElement customer = browser.await(By.id("customerId"));
        customer.clear();
        customer.sendKeys(EAST_CUSTOMER);
        browser.await(By.id("content")).sendKeys("E2E: the delivery came two weeks late and nobody called back.");
        browser.await(By.id("complaint-submit")).click();

        // filed: the case page, RECEIVED at L1 (CO-1, CO-4)
        WebElement status = browser.await(By.id("case-status"));
        String filed = browser.url().replaceAll("^.*/console/complaints/([^/?#]+).*$", "$1");
        assertThat(status.getAttribute("data-state")).isEqualTo("RECEIVED");
        assertThat(browser.await(By.id("case-level")).getAttribute("data-level")).isEqualTo("L1");
        int entriesBefore = browser.all(By.cssSelector("#timeline .timeline-entry")).size();
        assertThat(entriesBefore).isPositive();

        browser.await(By.id("escalate-note")).sendKeys("E2E: the customer threatens to go to the press");
        browser.await(By.id("escalate-submit")).click();

        // CO-4 / CO-8: escalated one level, to the next handler tier, and the timeline says who did it and why
        browser.until(Browser.WAIT, page -> "ESCALATED".equals(
                page.findElement(By.id("case-status")).getAttribute("data-state")));
        assertThat(browser.await(By.id("case-level")).getAttribute("data-level")).isEqualTo("L2");
        browser.until(Browser.WAIT,
                page -> page.findElements(By.cssSelector("#timeline .timeline-entry")).size() > entriesBefore);
        assertThat(browser.await(By.id("timeline")).getText()).contains("the customer threatens to go to the press");
        complaintId = filed;
        assertScreenHealthy("case page");
        browser.fullPageScreenshot(screenshots.resolve("case.png"));
    }

    @Test
    @Order(6)
    void theEscalatedCaseWaitsInTheManagersTierQueue() throws IOException {
        assertThat(complaintId).as("the complaint was filed and escalated (previous step)").isNotNull();
        signInAs(MANAGER_EAST);
        browser.open(console + "complaints");
        // CU-9: the L2 case is the MANAGER tier's work in its department now
        browser.until(Browser.WAIT, page -> !page.findElements(
                By.cssSelector("#tier-queue .case-row[data-case-id='" + complaintId + "']")).isEmpty());
        browser.await(By.id("my-queue"));
        awaitPartsLoaded();
        assertScreenHealthy("complaints board");
        browser.fullPageScreenshot(screenshots.resolve("complaints.png"));
        browser.resize(Browser.PHONE);
        try {
            browser.open(console + "complaints");
            browser.until(Browser.WAIT, page -> !page.findElements(By.cssSelector("#tier-queue .case-row")).isEmpty());
            awaitPartsLoaded();
            browser.screenshot(screenshots.resolve("complaints-phone.png"));
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    // ---- customers ----------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void aSearchLeadsToTheCustomer360() throws IOException {
        signInAs(MANAGER_EAST);
        browser.open(console + "customers");
        browser.await(By.id("customer-search"));
        browser.await(By.id("customer-search-submit")).click();
        WebElement first = browser.await(By.cssSelector("#customer-results .customer-row a"));
        String name = first.getText();
        first.click();

        browser.awaitText(By.cssSelector("#profile .customer-name"), name);
        awaitPartsLoaded();
        assertScreenHealthy("customer 360");
        browser.fullPageScreenshot(screenshots.resolve("customer-360.png"));
    }

    // ---- visits -------------------------------------------------------------------------------------------------

    @Test
    @Order(8)
    void aVisitIsRecordedFromTheVisitsScreen() throws IOException {
        signInAs(MANAGER_EAST);
        browser.open(console + "visits?scope=team"); // a manager's team: the department's due and overdue visits
        browser.await(By.id("visit-calendar"));
        browser.awaitPresent(By.id("overdue-visits"));
        browser.awaitPresent(By.id("due-visits"));
        awaitPartsLoaded();
        assertScreenHealthy("visits");
        browser.fullPageScreenshot(screenshots.resolve("visits.png"));

        browser.await(By.id("visit-record-link")).click();
        browser.await(By.id("visit-record-form"));
        browser.await(By.id("customerId")).sendKeys(EAST_CUSTOMER);
        new Select(browser.await(By.id("mode"))).selectByValue("ON_SITE");
        assertThat(browser.await(By.id("visitedAt")).getAttribute("value")).as("the form suggests now").isNotBlank();
        browser.await(By.id("place")).sendKeys("E2E: the customer's site office");
        browser.await(By.id("content")).sendKeys("E2E: went through the delivery delays and the new schedule");
        browser.await(By.id("visit-record-submit")).click();

        // VI-3: filed, and the record is shown back
        WebElement recorded = browser.await(By.id("visit-recorded"));
        assertThat(recorded.getText()).contains("the delivery delays");
        assertNoPageErrors("visit recorded");
    }

    // ---- dashboards ---------------------------------------------------------------------------------------------

    @Test
    @Order(9)
    void theDashboardsDrawTheirCharts() throws IOException {
        signInAs(MANAGER_EAST);
        browser.open(console + "dashboards");
        // Chart.js (a webjar, allowed by the CSP) drew the chart from the data- attribute
        browser.until(Browser.WAIT, page -> "true".equals(
                page.findElement(By.id("chart-volume-category")).getAttribute("data-drawn")));
        awaitPartsLoaded();
        assertScreenHealthy("dashboards");
        browser.fullPageScreenshot(screenshots.resolve("dashboards.png"));
    }

    // ---- inbox --------------------------------------------------------------------------------------------------

    @Test
    @Order(10)
    void theManagerIsToldOfTheEscalationInTheInboxAndMarksEverythingRead() throws IOException {
        assertThat(complaintId).as("the complaint was filed and escalated (previous steps)").isNotNull();
        signInAs(MANAGER_EAST);
        // notification-service: complaint-escalated-next-tier → the department's manager, INBOX (docs/notifications.md)
        WebElement item = awaitInboxItem(complaintId);
        assertThat(item.getAttribute("class")).contains("unread");
        assertScreenHealthy("inbox");
        browser.fullPageScreenshot(screenshots.resolve("inbox.png"));

        browser.await(By.id("mark-all-read")).click();
        browser.until(Browser.WAIT, page -> page.findElements(By.cssSelector("#inbox-list .inbox-item.unread")).isEmpty());
        assertThat(browser.all(By.cssSelector("#inbox-list .inbox-item"))).isNotEmpty();
        assertNoPageErrors("inbox after mark all read");
    }

    @Test
    @Order(11)
    void theRepWhoReceivedTheWalkInSignsInAfterTheManagerSignsOutAndFindsItInTheirInbox() {
        assertThat(walkInRep).as("the reception step ran").isNotNull();
        String rep = walkInRep.replaceFirst("^demo-sales-", "sales");
        signInAs(rep); // signs the manager out with the header's button first
        // reception-assigned-rep → the rep, INBOX
        WebElement item = awaitInboxItem(visitorName);
        assertThat(item.getAttribute("class")).contains("unread");
        assertThat(browser.await(By.cssSelector(".who .person")).getText()).doesNotContain(MANAGER_EAST_NAME);
        assertNoPageErrors("rep's inbox");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * Signs in as {@code username} through identity's login form (the console sends every browser without a session
     * there), signing the current person out first.
     */
    private void signInAs(String username) {
        if (username.equals(signedIn)) {
            return;
        }
        if (signedIn != null) {
            signOut();
        }
        browser.open(console);
        WebElement field = browser.await(By.name("username"));
        assertThat(browser.url()).as("not signed in: identity's login page, not the console's").startsWith(identityLogin);
        field.sendKeys(username);
        browser.await(By.name("password")).sendKeys(PASSWORD);
        browser.await(By.cssSelector("button[type=submit]")).click();
        browser.await(By.id("sign-out"));
        assertThat(browser.url()).startsWith(console);
        signedIn = username;
    }

    /**
     * Signs out with the header's button: the console ends its session and identity's (OIDC RP-initiated logout) and
     * comes back to the console, which sends the browser to the login form again.
     */
    private void signOut() {
        signedIn = null;
        browser.open(console);
        browser.await(By.id("sign-out")).click();
        browser.await(By.name("username"));
        assertThat(browser.url()).as("signed out of identity too: its login form").startsWith(identityLogin);
    }

    /**
     * Opens the inbox until an item mentioning {@code text} is there: notification-service delivers to the inbox a
     * moment after the event (its dispatcher polls every second), so the page is reloaded until then. The item may
     * not be on the first page: the visit plans generated after start-up notify the reps too, dozens at once, and
     * can be newer — so the inbox's pages are read (the "next" link) before trying again.
     */
    private WebElement awaitInboxItem(String text) {
        By item = By.xpath("//li[contains(concat(' ', @class, ' '), ' inbox-item ') and contains(., '" + text + "')]");
        return browser.until(INBOX_DELIVERY, Duration.ofSeconds(1), page -> {
            for (int inboxPage = 0; inboxPage < INBOX_PAGES_READ; inboxPage++) {
                page.get(console + "inbox?page=" + inboxPage);
                browser.awaitPresent(By.id("inbox-list"));
                var found = page.findElements(item).stream().findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (page.findElements(By.id("inbox-next")).isEmpty()) {
                    break;
                }
            }
            return null;
        });
    }

    /** Every htmx part of the page has loaded: no request in flight and no "Loading…" placeholder left. */
    private void awaitPartsLoaded() {
        browser.until(Browser.WAIT, page -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('.htmx-request')"
                        + " && !/Loading…|加载中/.test(document.body.innerText);"));
    }

    /** All services are up: no part says "unavailable", no refusal panel, nothing refused by the CSP. */
    private void assertScreenHealthy(String screen) {
        assertThat(browser.all(By.cssSelector(".unavailable"))).as("%s: no part unavailable", screen).isEmpty();
        assertThat(browser.all(By.cssSelector(".problem")).stream().map(WebElement::getText).toList())
                .as("%s: no refusal shown", screen).isEmpty();
        assertNoPageErrors(screen);
    }

    /** No Content-Security-Policy refusal and no script error on the page (they show in the browser's console). */
    private void assertNoPageErrors(String screen) {
        List<String> log = browser.drainConsole();
        log.forEach(line -> System.out.println("  [browser " + screen + "] " + line));
        assertThat(log).as("%s: no CSP refusal or script error in the browser console", screen)
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to")
                        || line.contains("Uncaught"));
    }

    private void keepEvidence(String test) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(evidence);
            Files.writeString(evidence.resolve(test + ".html"), "<!-- " + browser.url() + " -->\n" + browser.source(),
                    StandardCharsets.UTF_8);
            Files.write(evidence.resolve(test + ".console.log"), browser.consoleLog(), StandardCharsets.UTF_8);
            browser.screenshot(evidence.resolve(test + ".png"));
            System.out.println("console e2e: " + test + " failed at " + browser.url() + "; page, browser log and "
                    + "screenshot in " + evidence);
            browser.consoleLog().forEach(line -> System.out.println("  [browser] " + line));
        } catch (IOException | RuntimeException e) {
            System.out.println("console e2e: could not keep the evidence of " + test + ": " + e);
        }
    }

    /** The modules' own logs (the launcher writes them into the data folder, which goes) stay beside the evidence. */
    private void keepModuleLogs() throws IOException {
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Files.createDirectories(evidence.resolve("logs"));
            try (var files = Files.list(logs)) {
                for (Path log : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

}
