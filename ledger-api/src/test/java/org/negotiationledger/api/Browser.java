package org.negotiationledger.api;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium. Without
 * them the browser tests are skipped, unless LEDGER_TEST_BROWSER_REQUIRED=true (as in CI), where
 * they fail.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(TestDatabase.env("LEDGER_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(TestDatabase.env("LEDGER_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser in British English, whose pages write dates as the tests expect them ("16 May 2025"). */
    static Browser open(LedgerNode node) {
        return open(node, "en-GB");
    }

    /** A browser in the language given ("de-DE"): the dates its pages write follow it. */
    static Browser open(LedgerNode node, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "no Chromium at " + CHROMIUM + " with its driver at " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if (Boolean.parseBoolean(System.getenv("LEDGER_TEST_BROWSER_REQUIRED"))) {
                throw new AssertionError("the browser tests are required, but there is " + missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a closed network: no sandbox, and none of Chromium's own connections out.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Headless Chromium here keeps American English whatever --lang or the environment say.
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver, node.base());
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    /** Loads the page afresh, as the browser's reload button does. */
    void reload() {
        driver.navigate().refresh();
    }

    /** Lets the page's downloads land in {@code directory} without asking. */
    void downloadTo(Path directory) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", directory.toAbsolutePath().toString()));
    }

    /** Lets the page write and read the clipboard, as a user who allowed it. */
    void allowClipboard() {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** The inner size of the window, as a phone's screen or a desktop's. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Back to the window's own size. */
    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Signs in with the workbench's form and waits for the workbench to know the user. */
    void signIn(String user, String password) {
        go("/login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.findElement(By.id("who")).getText().startsWith(user + " "));
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(RuntimeException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return waitUntil(d -> d.findElement(By.cssSelector(css)));
    }

    /**
     * Waits until the element shows this text: after a form is sent, the element found first may
     * be the one of the page being left, replaced when the answer arrives.
     */
    void awaitText(String css, String expected) {
        try {
            waitUntil(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
        } catch (TimeoutException e) {
            throw new AssertionError(css + " does not show \"" + expected + "\" but \""
                    + find(css).getText() + "\"", e);
        }
    }

    /** For each element that {@code css} finds, its attributes joined by '/', read at one moment. */
    @SuppressWarnings("unchecked")
    List<String> attributes(String css, String... names) {
        return (List<String>) driver.executeScript("""
                return [...document.querySelectorAll(arguments[0])]
                    .map(element => arguments[1].map(name => element.getAttribute(name) ?? '').join('/'));""",
                css, List.of(names));
    }

    /** The text of each element that {@code css} finds, read at one moment. */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(element => element.innerText);", css);
    }

    /** The text of the first element that {@code css} finds, once there is one. */
    String text(String css) {
        return waitUntil(d -> texts(css).stream().findFirst().orElse(null));
    }

    /** What the page's scripts reported as errors since the last call (uncaught exceptions, failed loads). */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves the whole page (up to 2,400 pixels high) under target/screenshots/{name}.png. */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(2400, Math.max(height + 140,
                window.getHeight()))));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
