package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real headless Chromium at 1280 px against a real host. Needs Debian's
 * {@code chromium} and {@code chromium-driver} (CI's {@code .ci/run} installs them); elsewhere, without
 * them, it is skipped with that reason, and under {@code CI=true} it fails instead. Screenshots go to
 * {@code target/}.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String VIEWER_TOKEN = "viewer-secret-0123456789";
    /** The buttons that change something: a viewer must see none of them. */
    private static final Set<String> CHANGING = Set.of("enable", "disable", "reload", "retry", "remove", "acquire",
            "disconnect", "Upload", "Import", "Enable selected", "Disable selected", "forget", "self-test");

    private static WebDriver browser;
    private static Path profile;

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
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
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void plugins() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.zipOf(plugins.resolve("carrier-broken-1.0.0.zip"), Map.of("readme.txt", "not a plugin".getBytes()));
    }

    @AfterEach
    void stopHost() {
        if (browser.getCurrentUrl().startsWith("http")) {
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear()");
            browser.get("about:blank");
        }
        browser.manage().logs().get(LogType.BROWSER);
        if (host != null) {
            host.close();
        }
    }

    private void startHost() {
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.put("auth.token.watcher", "viewer:" + VIEWER_TOKEN);
        host = TestHosts.start(plugins, data, settings);
    }

    private WebDriverWait waiting() {
        // The page redraws rows as events arrive: a row found a moment ago may be replaced; look again.
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }

    private void signIn(String token) {
        if (host == null) {
            startHost();
        }
        browser.get(host.url());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("signin-submit")).click();
    }

    private WebElement row(String carrier) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-carrier='" + carrier + "']")));
    }

    /** Clicks {@code css} in {@code carrier}'s row, looking again if the row was just redrawn. */
    private void clickIn(String carrier, String css) {
        waiting().until(d -> {
            row(carrier).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** The text of {@code carrier}'s row. */
    private String textOf(String carrier) {
        return waiting().until(d -> row(carrier).getText());
    }

    /** The buttons shown in {@code carrier}'s actions cell. */
    private List<String> actionsOf(String carrier) {
        return waiting().until(d -> buttons(row(carrier).findElement(By.cssSelector("td.actions"))));
    }

    /** Moves to view {@code name} (carriers, numbers, import, audit, cluster) through the header's link. */
    private void view(String name) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#views a[data-view='" + name + "']"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(name)));
    }

    /** Whether the page fits the window's width: no horizontal scrolling at 1280 px. */
    private void assertFitsTheWidth() {
        Object[] widths = ((java.util.List<?>) ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];")).toArray();
        assertTrue(((Number) widths[0]).longValue() <= ((Number) widths[1]).longValue(),
                "the page is " + widths[0] + " px wide in a " + widths[1] + " px window");
    }

    private static List<String> buttons(WebElement in) {
        return in.findElements(By.tagName("button")).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    @Test
    void anAdminSignsInSeesWhoAndTheTokenBoxIsGone() throws Exception {
        signIn(TestHosts.ADMIN_TOKEN);

        String mock = textOf("mock");
        assertTrue(mock.contains("STARTED"), mock);
        assertEquals("token admin · role admin", browser.findElement(By.id("who")).getText(), "the token's name and role");
        assertFalse(browser.findElement(By.id("token")).isDisplayed(), "the token box is hidden after sign-in");
        assertTrue(browser.findElement(By.id("live")).getText().contains("live"));
    }

    @Test
    void theSignInPageSaysWhereTheTokenIs() throws Exception {
        startHost();
        browser.get(host.url());

        String hint = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-hint"))).getText();
        assertTrue(hint.contains("data/admin.token"), hint);
        assertTrue(hint.contains("CARRIER_HOST_ADMIN_TOKEN"), hint);
        assertTrue(browser.findElement(By.id("token")).isDisplayed());
        assertFalse(browser.findElement(By.id("app")).isDisplayed());
        assertFalse(browser.findElement(By.id("signin-error")).isDisplayed(), "no error before a token is tried");
        screenshot("console-signin.png");
    }

    @Test
    void aWrongTokenGetsAPlainMessageBesideTheHint() {
        signIn("not-the-token");

        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertTrue(error.getText().startsWith("This host does not accept that token."), error.getText());
        assertFalse(error.getText().contains("Bearer"), "no API wording: " + error.getText());
        assertTrue(browser.findElement(By.id("token-hint")).isDisplayed(), "the hint stays beside the message");
        assertFalse(browser.findElement(By.id("app")).isDisplayed());

        browser.findElement(By.id("token")).sendKeys(TestHosts.ADMIN_TOKEN + Keys.ENTER);

        row("mock");
        assertFalse(browser.findElement(By.id("signin-page")).isDisplayed(), "the right token leaves the sign-in page");
    }

    /** The views shown now: one at a time. */
    @SuppressWarnings("unchecked")
    private List<String> shownViews() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('main section.view')].filter(s => s.offsetParent !== null).map(s => s.id);");
    }

    @Test
    void eachViewHasItsOwnAddressAndIsShownAlone() {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        assertEquals(List.of("carriers"), shownViews());
        Object[] heights = ((List<?>) ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollHeight, window.innerHeight];")).toArray();
        assertTrue(((Number) heights[0]).longValue() <= ((Number) heights[1]).longValue(),
                "the carriers view fits the window without scrolling: " + heights[0] + " px in " + heights[1]);
        ApiClient.of(host).post("/api/numbers/+14155550123/acquire", "{}");

        browser.get(host.url() + "#audit");
        waiting().until(d -> shownViews().equals(List.of("audit")));
        view("numbers");
        assertTrue(browser.getCurrentUrl().endsWith("#numbers"), browser.getCurrentUrl());
        assertEquals(List.of("numbers"), shownViews());
        browser.navigate().back();
        waiting().until(d -> shownViews().equals(List.of("audit")));

        browser.get(host.url() + "#numbers/+14155550123");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("number-title"), "+14155550123"));
        assertTrue(browser.findElement(By.id("number-record")).getText().contains("in_service"));
        assertEquals(List.of("numbers"), shownViews());

        browser.get(host.url() + "#nowhere");
        waiting().until(d -> d.getCurrentUrl().endsWith("#carriers"));
        assertEquals(List.of("carriers"), shownViews());
    }

    /** The first audit entry's time as shown, and as an instant. */
    private String[] firstEventTime() {
        return waiting().until(d -> {
            List<WebElement> times = d.findElements(By.cssSelector("#event-rows tr td.time time"));
            return times.isEmpty() ? null : new String[] {times.get(0).getText(), times.get(0).getAttribute("datetime")};
        });
    }

    @Test
    void timesShowTheirZoneAndSwitchToUtc() {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
        try {
            signIn(TestHosts.ADMIN_TOKEN);
            row("mock");
            view("audit");
            DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);

            String[] local = firstEventTime();
            assertEquals(shown.withZone(ZoneId.of("America/New_York")).format(Instant.parse(local[1])), local[0]);
            new Select(browser.findElement(By.id("time-zone"))).selectByValue("UTC");

            String[] utc = firstEventTime();
            assertEquals(shown.withZone(ZoneId.of("UTC")).format(Instant.parse(utc[1])), utc[0]);
            assertTrue(utc[0].endsWith(" UTC"), utc[0]);

            browser.navigate().refresh();
            String[] again = firstEventTime();
            assertTrue(again[0].endsWith(" UTC"), "the choice is kept: " + again[0]);
        } finally {
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void aZipDroppedIntoTheDirectoryAppearsWithoutAReload() throws Exception {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");

        TestPlugins.mockVariant(plugins, "dropped", "1.0.0");

        waiting().until(d -> row("dropped").getText().contains("STARTED"));
        view("audit");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-rows"), "dropped"));
    }

    @Test
    void anIsolatedCarriersRowShowsItsProcess() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.put("carrier.mock.isolation", "process");
        host = TestHosts.start(plugins, data, settings);
        long pid = ApiClient.of(host).get("/api/carriers/mock").json().path("process").path("pid").asLong();
        assertTrue(pid > 0);
        signIn(TestHosts.ADMIN_TOKEN);

        waiting().until(d -> textOf("mock").contains("pid " + pid));
        assertTrue(textOf("mock").matches("(?s).*pid " + pid + " · \\d+ MB.*"), textOf("mock"));
        assertFitsTheWidth();
    }

    @Test
    void anEventRedrawsOnlyItsCarriersRowReadAlone() throws Exception {
        TestPlugins.mockVariant(plugins, "second", "1.0.0");
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        row("second");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.asked = []; const f = window.fetch;"
                + " window.fetch = (url, options) => { window.asked.push(String(url)); return f(url, options); };"
                + " document.querySelector(\"tr[data-carrier='second']\").dataset.mark = 'untouched';");

        assertEquals(200, ApiClient.of(host).post("/api/carriers/mock/disable", "").status());

        waiting().until(d -> row("mock").getText().contains("DISABLED"));
        List<?> asked = (List<?>) js.executeScript("return window.asked;");
        assertTrue(asked.contains("/api/carriers/mock"), "the carrier is read alone: " + asked);
        assertTrue(asked.stream().noneMatch(url -> url.equals("/api/carriers") || String.valueOf(url).startsWith("/api/cluster")),
                "neither every carrier nor the cluster is read: " + asked);
        assertEquals("untouched", js.executeScript("return document.querySelector(\"tr[data-carrier='second']\").dataset.mark;"),
                "the other carrier's row is not redrawn");
    }

    @Test
    void theConsoleIsUsableFromTheKeyboard() {
        startHost();
        browser.get(host.url());
        browser.findElement(By.id("token")).sendKeys(TestHosts.ADMIN_TOKEN + Keys.ENTER);
        row("mock");

        JavascriptExecutor js = (JavascriptExecutor) browser;
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached = Boolean.TRUE.equals(js.executeScript("const a = document.activeElement;"
                    + " return a.tagName === 'BUTTON' && a.textContent === 'disable' && a.closest('tr').dataset.carrier === 'mock';"));
        }
        assertTrue(reached, "the mock carrier's disable button is reached with Tab");
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        waiting().until(d -> row("mock").getText().contains("DISABLED"));
    }

    @Test
    void aDroppedConnectionIsShownAsOfflineAndComesBackByItself() {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        int port = host.port();

        host.close();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("offline")));
        assertEquals("offline", browser.findElement(By.id("live")).getText());
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.put("http.port", String.valueOf(port));
        host = TestHosts.start(plugins, data, settings);

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
        assertEquals("live", browser.findElement(By.id("live")).getText());
        ApiClient.of(host).post("/api/carriers/mock/disable", "");
        waiting().until(d -> row("mock").getText().contains("DISABLED"));
    }

    @Test
    void twoCarriersAreDisabledAndEnabledAtOnceWithAResultForEach() throws Exception {
        TestPlugins.mockVariant(plugins, "second", "1.0.0");
        signIn(TestHosts.ADMIN_TOKEN);
        clickIn("mock", "input.select-row");
        clickIn("second", "input.select-row");

        browser.findElement(By.id("bulk-disable")).click();

        waiting().until(d -> row("mock").getText().contains("disabled: DISABLED") && row("second").getText().contains("disabled: DISABLED"));
        assertEquals("DISABLED", ApiClient.of(host).get("/api/carriers/second").json().path("state").asText());

        browser.findElement(By.id("bulk-enable")).click();

        waiting().until(d -> row("mock").getText().contains("enabled: STARTED") && row("second").getText().contains("enabled: STARTED"));
        screenshot("console-bulk.png");
    }

    @Test
    void theSelfTestButtonShowsTheVerdictAndTheChecksThatFailedInTheRow() throws Exception {
        Files.delete(plugins.resolve("carrier-mock-1.0.0.zip"));
        TestPlugins.mockWithSwitches(plugins, "mock", "1.0.0", "bad_credentials=true\n");
        signIn(TestHosts.ADMIN_TOKEN);

        clickIn("mock", "td.actions button[title^='run the self-test']");

        waiting().until(d -> textOf("mock").contains("self-test failed (1.0.0): credentials: failed"));
        assertEquals("failed", ApiClient.of(host).get("/api/carriers/mock").json().path("selftest").path("outcome").asText());
        assertFitsTheWidth();
    }

    @Test
    void aZipDraggedOntoThePageIsInstalledAndItsNewVersionServes() throws Exception {
        Path upgrade = TestPlugins.mockVariant(elsewhere, "mock", "1.0.1");
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");

        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("const i = document.createElement('input'); i.type = 'file'; i.id = 'test-file';"
                + " i.style.display = 'block'; document.body.appendChild(i);");
        browser.findElement(By.id("test-file")).sendKeys(upgrade.toString());
        js.executeScript("const file = document.getElementById('test-file').files[0]; document.getElementById('test-file').remove();"
                + " const dt = new DataTransfer(); dt.items.add(file); const target = document.getElementById('carrier-rows');"
                + " for (const type of ['dragenter', 'dragover', 'drop']) {"
                + "   target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt})); }");

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-result"), "mock 1.0.1 is serving"));
        waiting().until(d -> row("mock").getText().contains("1.0.1"));
        assertEquals("1.0.1", ApiClient.of(host).get("/api/carriers/mock").json().path("version").asText());
    }

    @Test
    void aNumberIsAcquiredInItsRowWhichChangesAndThenDisconnected() throws Exception {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        view("numbers");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#number-rows tr")).size() == 10);
        WebElement first = browser.findElements(By.cssSelector("#number-rows tr")).get(0);
        String number = first.getAttribute("data-number");
        assertTrue(first.getText().contains("rate center: MOCKVILLE"), "carrier data as fields: " + first.getText());
        assertFalse(first.getText().contains("{"), first.getText());

        first.findElement(By.xpath(".//button[text()='acquire']")).click();

        By rowOf = By.cssSelector("#number-rows tr[data-number='" + number + "']");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(rowOf, "in_service (held)"));
        assertEquals(List.of("disconnect"), buttons(browser.findElement(rowOf).findElement(By.cssSelector("td.actions"))));
        assertEquals("in_service", ApiClient.of(host).get("/api/numbers/" + number).json().path("state").asText());
        screenshot("console-numbers.png");

        browser.findElement(rowOf).findElement(By.xpath(".//button[text()='disconnect']")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(rowOf, "released"));
        assertEquals("released", ApiClient.of(host).get("/api/numbers/" + number).json().path("state").asText());
    }

    @Test
    void aNumbersPageShowsItsRecordAndHistoryAsATimeline() {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        ApiClient.of(host).post("/api/numbers/+14155550123/acquire", "{}");
        view("numbers");

        browser.findElement(By.id("number")).sendKeys("+14155550123");
        browser.findElement(By.cssSelector("#one-number button[type=submit]")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("number-page")));
        assertTrue(browser.findElement(By.id("number-record")).getText().contains("in_service"));
        waiting().until(d -> d.findElements(By.cssSelector("#number-history li")).size() >= 1);
        assertTrue(browser.findElement(By.id("number-history")).getText().contains("in_service"),
                browser.findElement(By.id("number-history")).getText());
    }

    @Test
    void anUnknownNumberIsShownWithTheReason() {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        view("numbers");

        browser.findElement(By.id("number")).sendKeys("+14155550199");
        browser.findElement(By.cssSelector("#one-number button[type=submit]")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "[not_found]"));
    }

    @Test
    void aPastedListIsImportedWithAReportForEachNumber() throws Exception {
        TestPlugins.copyLocal(plugins);
        signIn(TestHosts.ADMIN_TOKEN);
        row("local");
        view("import");

        browser.findElement(By.id("import-text")).sendKeys("number,note\n+14155550700,first\n+14155550700,again\n12ab,bad\n");
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "1 added, 1 present, 1 invalid"));
        assertEquals(2, browser.findElements(By.cssSelector("#import-rows tr")).size());
        assertEquals(1, browser.findElements(By.cssSelector("#import-rows tr.result-failed")).size());
    }

    @Test
    void theAuditLogIsFilteredByCarrier() throws Exception {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        ApiClient.of(host).post("/api/carriers/mock/disable", "");
        ApiClient.of(host).post("/api/carriers/mock/enable", "");
        view("audit");

        browser.findElement(By.id("filter-carrier")).sendKeys("carrier-broken-1.0.0.zip");
        browser.findElement(By.cssSelector("#event-filter button[type=submit]")).click();

        waiting().until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#event-rows tr"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("carrier-broken-1.0.0.zip"));
        });
        WebElement failed = browser.findElement(By.cssSelector("#event-rows tr.result-failed"));
        assertTrue(failed.getText().contains("no plugin descriptor"), failed.getText());
        WebElement stamp = failed.findElement(By.cssSelector("td.time time"));
        assertTrue(stamp.getSize().getHeight() < 30, "the timestamp stays on one line: " + stamp.getSize());
        String node = ApiClient.of(host).get("/api/events?carrier=carrier-broken-1.0.0.zip&limit=1").json().path(0).path("node").asText();
        assertFalse(node.isEmpty(), "the host stamps its entries with its node");
        assertEquals(node, failed.findElement(By.cssSelector("td.node")).getText(), "each entry shows its node");
        screenshot("console-audit.png");
    }

    @Test
    void aViewerSeesNoControlThatChangesAnything() {
        signIn(VIEWER_TOKEN);
        row("mock");
        view("numbers");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#number-rows tr")).size() == 10);

        assertTrue(browser.findElement(By.id("who")).getText().contains("watcher"));
        assertTrue(browser.findElement(By.id("who")).getText().contains("viewer"));
        List<String> shown = waiting().until(d -> buttons(d.findElement(By.tagName("body"))));
        assertTrue(shown.stream().noneMatch(CHANGING::contains), "a viewer sees " + shown);
        // The search form's own checkboxes (features, exact) only shape a search.
        assertTrue(browser.findElements(By.xpath("//input[@type='file' or @type='checkbox'][not(ancestor::form[@id='search'])] | //textarea"))
                .stream().noneMatch(WebElement::isDisplayed), "no upload, selection or import input");
    }

    @Test
    void aFailedZipShowsItsReasonAndOffersOnlyRetryAndRemove() {
        signIn(TestHosts.ADMIN_TOKEN);
        String broken = textOf("carrier-broken-1.0.0.zip");

        assertTrue(broken.contains("FAILED"), broken);
        assertTrue(broken.contains("no plugin descriptor"), broken);
        assertEquals(List.of("retry", "remove"), actionsOf("carrier-broken-1.0.0.zip"));
        assertEquals(List.of("disable", "reload", "self-test", "remove"), actionsOf("mock"));
        Boolean oneLine = waiting().until(d -> d.findElements(By.cssSelector("#carrier-rows td.actions")).stream().allMatch(actions -> {
            List<WebElement> each = actions.findElements(By.tagName("button"));
            int top = each.get(0).getLocation().getY();
            return each.stream().allMatch(b -> b.getLocation().getY() == top);
        }));
        assertTrue(oneLine, "the actions stay on one line at 1280 px");
        assertFitsTheWidth();
    }

    @Test
    void theUnconfiguredBandwidthCarrierIsMarkedAsNotConfigured() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        signIn(TestHosts.ADMIN_TOKEN);
        row("bandwidth");
        view("numbers");

        browser.findElement(By.cssSelector("#search button[type=submit]")).click();

        view("carriers");
        waiting().until(d -> row("bandwidth").getText().contains("not configured"));
        String bandwidth = textOf("bandwidth");
        assertTrue(bandwidth.contains("STARTED"), bandwidth);
        String error = waiting().until(d -> row("bandwidth").findElement(By.cssSelector("td.error-cell")).getText());
        assertTrue(error.contains("not configured"), bandwidth);
        assertFitsTheWidth();
        // The README's picture (docs/console.png) is this one, at 1280 x 900.
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        try {
            screenshot("console-carriers.png");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aNormalSessionLeavesNoSevereEntryInTheBrowserLog() {
        signIn(TestHosts.ADMIN_TOKEN);
        row("mock");
        view("numbers");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#number-rows tr")).size() == 10);
        browser.findElements(By.cssSelector("#number-rows tr")).get(0).findElement(By.xpath(".//button[text()='acquire']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("number-rows"), "(held)"));
        view("audit");
        browser.findElement(By.id("filter-carrier")).sendKeys("mock");
        browser.findElement(By.cssSelector("#event-filter button[type=submit]")).click();
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#event-rows tr")));
        view("carriers");
        row("mock");

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser log: " + severe);
    }

    /** A host of a two-node cluster on one shared H2 database, with the mock carrier in its own directory. */
    private CarrierHost clusterNode(String node, Path pluginsDir, Path database) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.put("store.jdbc_url", Database.embeddedUrl(database));
        settings.put("store.user", "sa");
        settings.put("store.password", "");
        settings.put("cluster.node_id", node);
        settings.put("cluster.check_ms", "200");
        settings.put("cluster.heartbeat_ms", "200");
        settings.put("cluster.down_after_ms", "1500");
        return TestHosts.start(pluginsDir, Files.createDirectories(database.resolve(node + "-data")), settings);
    }

    /**
     * What {@code property} (innerText or className) of node {@code id}'s row, or of the element
     * {@code inner} in it, reads now: read in one script, because the view redraws its rows every 2 s and an
     * element found a moment ago may be gone.
     */
    private String nodeRow(String id, String inner, String property) {
        return waiting().until(d -> (String) ((JavascriptExecutor) d).executeScript(
                "const row = document.querySelector(\"#node-rows tr[data-node='\" + arguments[0] + \"']\");"
                        + "const e = row && arguments[1] ? row.querySelector(arguments[1]) : row;"
                        + "return e && row.offsetParent !== null ? String(e[arguments[2]]).trim() : null;", id, inner, property));
    }

    private String nodeText(String id) {
        return nodeRow(id, null, "innerText");
    }

    /** Starts node a as this test's host and node b beside it, each serving mock from its own directory; returns b. */
    private CarrierHost nodesAAndBServingMock() throws Exception {
        Files.delete(plugins.resolve("carrier-broken-1.0.0.zip"));
        Path pluginsB = Files.createDirectories(elsewhere.resolve("b-plugins"));
        TestPlugins.copyMock(pluginsB);
        host = clusterNode("a", plugins, elsewhere);
        return clusterNode("b", pluginsB, elsewhere);
    }

    @Test
    void theClusterViewShowsBothNodesFollowsADisableOnTheOtherAndMarksItDownOnceStopped() throws Exception {
        CarrierHost b = nodesAAndBServingMock();
        boolean stopped = false;
        try {
            signIn(TestHosts.ADMIN_TOKEN);
            view("cluster");

            waiting().until(d -> nodeText("a").contains("mock 1.0.0 STARTED") && nodeText("b").contains("mock 1.0.0 STARTED"));
            assertTrue(nodeText("a").contains("(this host)"), nodeText("a"));
            assertEquals("up", nodeRow("b", "td.node-status", "innerText"));
            String heartbeat = nodeRow("b", "td.heartbeat", "innerText");
            assertTrue(heartbeat.matches("\\d+\\.\\d s ago"), heartbeat);

            assertEquals(200, ApiClient.of(b).post("/api/carriers/mock/disable", "").status());

            waiting().until(d -> nodeText("b").contains("mock 1.0.0 DISABLED"));
            waiting().until(d -> nodeText("a").contains("mock 1.0.0 DISABLED"));

            b.close();
            stopped = true;

            waiting().until(d -> "down".equals(nodeRow("b", "td.node-status", "innerText")));
            assertTrue(nodeRow("b", null, "className").contains("down"));
            assertEquals("up", nodeRow("a", "td.node-status", "innerText"));
            assertFitsTheWidth();
            screenshot("console-cluster.png");
        } finally {
            if (!stopped) {
                b.close();
            }
        }
    }

    @Test
    void aDownNodeIsForgottenFromItsRowAndAnUpOneOffersNoForget() throws Exception {
        nodesAAndBServingMock().close();
        signIn(TestHosts.ADMIN_TOKEN);
        view("cluster");
        waiting().until(d -> "down".equals(nodeRow("b", "td.node-status", "innerText")));
        assertEquals("", nodeRow("a", "td.actions", "innerText"), "an up node cannot be forgotten");

        waiting().until(d -> {
            d.findElement(By.cssSelector("#node-rows tr[data-node='b'] td.actions button")).click();
            return true;
        });
        waiting().until(ExpectedConditions.alertIsPresent()).accept();

        waiting().until(d -> d.findElements(By.cssSelector("#node-rows tr[data-node='b']")).isEmpty());
        List<String> nodes = new java.util.ArrayList<>();
        ApiClient.of(host).get("/api/cluster").json().path("nodes").forEach(n -> nodes.add(n.path("node").asText()));
        assertEquals(List.of("a"), nodes, "b is gone from the host's answer too");
    }

    @Test
    void aNodeServingAnotherVersionOfACarrierIsMarkedAsLagging() throws Exception {
        Files.delete(plugins.resolve("carrier-broken-1.0.0.zip"));
        Path pluginsB = Files.createDirectories(elsewhere.resolve("b-plugins"));
        TestPlugins.mockVariant(pluginsB, "mock", "2.0.0");
        host = clusterNode("a", plugins, elsewhere);
        try (CarrierHost b = clusterNode("b", pluginsB, elsewhere)) {
            signIn(TestHosts.ADMIN_TOKEN);
            view("cluster");

            waiting().until(d -> nodeText("b").contains("mock 2.0.0 STARTED"));
            assertEquals("lagging", nodeRow("b", "td.node-status", "innerText"));
            assertTrue(nodeRow("b", "li.node-carrier[data-carrier='mock']", "className").contains("lags"));
            assertTrue(nodeText("a").contains("mock 1.0.0 STARTED"), nodeText("a"));
        }
    }

    private void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
