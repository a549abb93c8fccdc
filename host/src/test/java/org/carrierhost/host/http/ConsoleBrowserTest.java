package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real headless Chromium against a real host. Needs Debian's {@code chromium} and
 * {@code chromium-driver} (CI's {@code .ci/run} installs them); elsewhere, without them, it is skipped
 * with that reason, and under {@code CI=true} it fails instead.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;
    private static Path profile;

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private CarrierHost host;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Chromium: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "no Chromium here: apt-get install chromium chromium-driver");
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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
        TestPlugins.zipOf(plugins.resolve("carrier-broken-1.0.0.zip"), Map.of("readme.txt", "not a plugin".getBytes()));
        host = TestHosts.start(plugins, data, Map.of());
    }

    @AfterEach
    void stopHost() {
        browser.manage().deleteAllCookies();
        if (browser.getCurrentUrl().startsWith("http")) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        }
        host.close();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private void signIn(String token) {
        browser.get(host.url());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("signin-submit")).click();
    }

    @Test
    void anAdminSignsInAndSeesEachCarriersStateAndWhyAZipFailed() {
        signIn(TestHosts.ADMIN_TOKEN);

        WebElement mock = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-carrier=mock]")));
        assertTrue(mock.getText().contains("STARTED"), mock.getText());
        WebElement broken = browser.findElement(By.cssSelector("tr[data-carrier='carrier-broken-1.0.0.zip']"));
        assertTrue(broken.getText().contains("FAILED"), broken.getText());
        assertTrue(broken.getText().contains("no plugin descriptor"), broken.getText());
    }

    @Test
    void aWrongTokenIsRefusedWithTheReason() {
        signIn("not-the-token");

        WebElement banner = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertTrue(banner.getText().contains("missing or wrong admin token"), banner.getText());
        assertTrue(!browser.findElement(By.id("app")).isDisplayed());
    }

    @Test
    void aSearchListsTheNumbersAndAcquiringOneShowsItsRecordAndAudit() throws Exception {
        signIn(TestHosts.ADMIN_TOKEN);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-carrier=mock]")));

        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#number-rows tr")).size() == 10);
        List<WebElement> rows = browser.findElements(By.cssSelector("#number-rows tr"));
        String first = rows.get(0).findElement(By.tagName("td")).getText();
        rows.get(0).findElement(By.tagName("button")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("record"), "in_service"));
        assertTrue(browser.findElement(By.id("banner")).getText().contains(first + " is in_service"));
        assertEquals("in_service", ApiClient.of(host).get("/api/numbers/" + first).json().path("state").asText());
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-rows"), "acquire"));
        screenshot("console.png");
    }

    @Test
    void aCarrierErrorIsShownWithItsCause() {
        signIn(TestHosts.ADMIN_TOKEN);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-carrier=mock]")));

        browser.findElement(By.id("number")).sendKeys("+14155550199");
        browser.findElement(By.cssSelector("#one-number button[data-action=disconnect]")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "not found"));
        assertTrue(browser.findElement(By.id("banner")).getText().contains("[not_found]"));
    }

    @Test
    void disablingACarrierFromTheConsoleShowsItDisabledAndAudited() {
        signIn(TestHosts.ADMIN_TOKEN);
        WebElement mock = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-carrier=mock]")));

        mock.findElement(By.xpath(".//button[text()='disable']")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-carrier=mock]"), "DISABLED"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-rows"), "disable"));
        assertEquals("DISABLED", ApiClient.of(host).get("/api/carriers/mock").json().path("state").asText());

        browser.findElement(By.cssSelector("tr[data-carrier=mock]")).findElement(By.xpath(".//button[text()='enable']")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-carrier=mock]"), "STARTED"));
    }

    private void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
