package org.crmsuite.launcher.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through ChromeDriver, both Debian's (run-tests.sh installs the packages
 * {@code chromium} and {@code chromium-driver}). The driver is given by path, so Selenium Manager never looks for or
 * downloads one; a fresh profile folder per browser keeps no cookie or cache from an earlier run. Everything the page
 * writes to its console (CSP refusals, script errors) is kept, so a failing test can show it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Selenium's CDP bindings lag Debian's Chromium; the tests use no CDP, so its "no CDP implementation matching"
     * warnings are noise (kept as fields: java.util.logging holds its loggers weakly).
     */
    private static final List<java.util.logging.Logger> QUIET = Stream.of("org.openqa.selenium.devtools",
            "org.openqa.selenium.chromium").map(java.util.logging.Logger::getLogger).toList();

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> consoleLog = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips (JUnit assumption, reason printed) when Chromium or its driver is missing on a developer's machine; on CI
     * (variable {@code CI} set) that is a failure instead: CI must have installed them, and a silent pass would hide it.
     */
    static void requireInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(file -> !Files.isExecutable(file))
                .map(Path::toString).toList();
        if (missing.isEmpty()) {
            return;
        }
        String reason = "the console's browser tests need Debian's chromium and chromium-driver; missing: " + missing
                + " (run-tests.sh installs them: apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            Assertions.fail("CI must install the browser: " + reason);
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    static Browser start(Path driverLog) throws IOException {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path profile = Files.createTempDirectory("console-e2e-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        // the console picks its language from Accept-Language until someone chooses: English, whatever the machine's
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until the element is visible. */
    WebElement await(By by) {
        return waitUp(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element is in the page (it may be hidden, e.g. a hidden input). */
    WebElement awaitPresent(By by) {
        return waitUp(WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the element is visible and its text contains {@code text}; returns it. */
    WebElement awaitText(By by, String text) {
        waitUp(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return waitUp(timeout).until(condition);
    }

    /** As {@link #until}, trying only every {@code poll} (for conditions that reload a page). */
    <T> T until(Duration timeout, Duration poll, Function<WebDriver, T> condition) {
        WebDriverWait wait = waitUp(timeout);
        wait.pollingEvery(poll);
        return wait.until(condition);
    }

    WebDriverWait waitUp(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A picture of the whole page, however long (the window is stretched for the shot, then put back). */
    void fullPageScreenshot(Path file) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Object heights = ((JavascriptExecutor) driver).executeScript("return [Math.max(document.body.scrollHeight,"
                + " document.documentElement.scrollHeight), window.innerHeight];");
        if (heights instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number page
                && pair.get(1) instanceof Number viewport && page.intValue() > viewport.intValue()) {
            // the window is taller than what shows the page by the browser's own frame
            int frame = before.getHeight() - viewport.intValue();
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(page.intValue() + frame, 6000)));
        }
        try {
            screenshot(file);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    String source() {
        return driver.getPageSource();
    }

    /** What the page wrote to its console since the last call (kept for {@link #consoleLog()} too). */
    List<String> drainConsole() {
        List<String> fresh = new ArrayList<>();
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                fresh.add(entry.getLevel() + " " + entry.getMessage());
            }
        } catch (RuntimeException unsupported) {
            fresh.add("(browser log unavailable: " + unsupported.getMessage() + ")");
        }
        consoleLog.addAll(fresh);
        return fresh;
    }

    /** Everything the pages wrote to their console during this browser's life. */
    List<String> consoleLog() {
        drainConsole();
        return List.copyOf(consoleLog);
    }

    void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
