package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's holds view ({@code #holds}, {@code console/modules/holds.js}) in a real Chromium: an active hold is
 * listed with its kind and a countdown that runs down by itself; an operator may release it there, a viewer sees no
 * release button.
 */
class ConsoleHoldsBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String VIEWER_TOKEN = "viewer-secret-0123456789";
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
        profile = Files.createTempDirectory("console-holds-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
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
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auth.token.watcher", "viewer:" + VIEWER_TOKEN);
        host = TestHosts.start(plugins, data, settings);
    }

    @AfterEach
    void stopHost() {
        if (browser.getCurrentUrl().startsWith("http")) {
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
            browser.get("about:blank");
        }
        host.close();
    }

    @Test
    void anActiveHoldCountsDownByItselfAndAnOperatorReleasesIt() {
        String id = hold(120);
        signIn(TestHosts.ADMIN_TOKEN);
        openHolds();

        WebElement row = holdRow(id);
        assertTrue(row.getText().contains("soft"), row.getText());
        String first = countdown(id);
        waiting().until(d -> !countdown(id).equals(first));
        assertTrue(first.startsWith("1:5") || first.startsWith("2:00"), first);

        waiting().until(d -> {
            holdRow(id).findElement(By.tagName("button")).click();
            return true;
        });
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-hold='" + id + "']")));
        assertEquals("released", ApiClient.of(host).get("/api/holds/" + id).json().path("state").asText());
    }

    @Test
    void aViewerSeesTheHoldsButNoReleaseButton() {
        String id = hold(600);
        signIn(VIEWER_TOKEN);
        openHolds();

        WebElement row = holdRow(id);

        assertEquals(0, row.findElements(By.tagName("button")).size(), row.getText());
    }

    private String hold(int ttl) {
        ApiClient api = ApiClient.of(host);
        String number = api.get("/api/numbers?prefix=415&quantity=1").json().path("numbers").get(0).path("number").asText();
        return api.post("/api/holds", "{\"numbers\":[\"" + number + "\"],\"account_id\":\"acct-1\",\"ttl_s\":" + ttl + "}").json()
                .path("id").asText();
    }

    private void signIn(String token) {
        browser.get(host.url());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("signin-submit")).click();
    }

    /** Follows the Holds link, as a person would, and waits for the view's address. */
    private void openHolds() {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#views a[data-view='holds']"))).click();
        waiting().until(ExpectedConditions.urlContains("#holds"));
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    private WebElement holdRow(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-hold='" + id + "']")));
    }

    private String countdown(String id) {
        return waiting().until(d -> holdRow(id).findElement(By.cssSelector("td.countdown")).getText());
    }
}
