package org.carrierhost.host.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fixture of a console view's browser tests: one headless Chromium for the class (skipped where none is installed,
 * required on CI), a fresh host on the mock carrier for each test with a viewer token beside the admin's, and the steps
 * a person takes: sign in, follow a view's link.
 */
abstract class ConsoleViewFixture {

    static final String VIEWER_TOKEN = "viewer-secret-0123456789";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver browser;

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    CarrierHost host;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Chromium: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "no Chromium here: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("console-view-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void startHost() throws Exception {
        TestPlugins.copyMock(plugins);
        Map<String, String> settings = new java.util.HashMap<>(settings());
        settings.put("auth.token.watcher", "viewer:" + VIEWER_TOKEN);
        host = TestHosts.start(plugins, data, settings, recentCallsClock());
    }

    /** The settings of each test's host, beside the viewer's token; none by default. */
    Map<String, String> settings() {
        return Map.of();
    }

    /** The clock of each test's host's recent minutes (the carriers' latency and calls); the system's by default. */
    Clock recentCallsClock() {
        return Clock.systemUTC();
    }

    @AfterEach
    void stopHost() {
        if (browser.getCurrentUrl().startsWith("http")) {
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
            browser.get("about:blank");
        }
        host.close();
    }

    void signIn(String token) {
        browser.get(host.url());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("signin-submit")).click();
    }

    /** Follows the link of {@code view}, as a person would, and waits for the view's address. */
    void open(String view) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#views a[data-view='" + view + "']"))).click();
        waiting().until(ExpectedConditions.urlContains("#" + view));
    }

    WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }
}
