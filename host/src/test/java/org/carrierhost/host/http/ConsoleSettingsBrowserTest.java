package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's settings view ({@code #settings/<carrier>}, {@code console/modules/settings.js}) in a real Chromium,
 * against the mock carrier and the real Bandwidth zip (which declares required and secret keys): the form drawn from
 * the declaration, a validation error shown beside its key, a save applied live, an instance created and removed, and
 * a viewer's form read-only.
 */
class ConsoleSettingsBrowserTest extends ConsoleViewFixture {

    @BeforeEach
    void addBandwidth() throws Exception {
        host.close();
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of("auth.token.watcher", "viewer:" + VIEWER_TOKEN,
                "carrier.bandwidth.password", "never-shown-3141"));
    }

    @Test
    void theFormIsDrawnFromTheDeclarationWithRequiredMarksAndSecretsNeverShown() {
        signIn(TestHosts.ADMIN_TOKEN);
        openSettings("bandwidth");

        WebElement baseUrl = row("base_url");
        assertTrue(baseUrl.findElement(By.className("setting-key")).getText().contains("*"), baseUrl.getText());
        assertTrue(row("base_url").findElement(By.className("setting-about")).getText().contains("http(s) URL"));
        WebElement password = browser.findElement(By.id("setting-password"));
        assertEquals("password", password.getAttribute("type"));
        assertEquals("", password.getAttribute("value"));
        assertFalse(browser.getPageSource().contains("never-shown-3141"));
        assertTrue(row("password").findElement(By.className("setting-about")).getText().contains("secret"));
    }

    @Test
    void aBadValueIsShownBesideItsKeyAndNothingIsSaved() {
        signIn(TestHosts.ADMIN_TOKEN);
        openSettings("mock");

        field("latency_ms").clear();
        field("latency_ms").sendKeys("soon");
        browser.findElement(By.id("settings-save")).click();

        waiting().until(d -> problem("latency_ms").getText().contains("carrier.mock.latency_ms"));
        assertEquals("true", field("latency_ms").getAttribute("aria-invalid"));
        assertTrue(browser.findElement(By.id("settings-result")).getText().startsWith("Not saved"),
                browser.findElement(By.id("settings-result")).getText());
        assertEquals(0, TestHosts.eventCount(host, "swap", "mock"));
    }

    @Test
    void aSaveAppliesTheChangeLiveAndSaysSo() {
        signIn(TestHosts.ADMIN_TOKEN);
        openSettings("mock");

        field("latency_ms").clear();
        field("latency_ms").sendKeys("5");
        browser.findElement(By.id("settings-save")).click();

        waiting().until(d -> d.findElement(By.id("settings-result")).getText().startsWith("Saved latency_ms"));
        assertTrue(browser.findElement(By.id("settings-result")).getText().contains("took over with no gap"));
        waiting().until(d -> row("latency_ms").findElement(By.className("setting-about")).getText().contains("from api"));
        JsonNode mock = ApiClient.of(host).get("/api/carriers/mock").json();
        assertEquals("5", CarrierSettingsApiTest.setting(mock, "latency_ms").path("value").asText(), mock.toString());
        assertEquals(1, TestHosts.eventCount(host, "swap", "mock"));
    }

    @Test
    void anOperatorCreatesAnInstanceThenRemovesIt() {
        signIn(TestHosts.ADMIN_TOKEN);
        openSettings("mock");

        browser.findElement(By.id("instance-id")).sendKeys("mock-west");
        browser.findElement(By.id("instance-create")).click();

        waiting().until(ExpectedConditions.urlContains("#settings/mock-west"));
        waiting().until(d -> d.findElement(By.id("settings-summary")).getText().startsWith("mock-west, an instance of mock: STARTED"));
        JsonNode created = ApiClient.of(host).get("/api/carriers/mock-west").json();
        assertEquals("mock", created.path("plugin").asText(), created.toString());
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("instance-remove"))).click();
        browser.switchTo().alert().accept();

        waiting().until(d -> d.getCurrentUrl().endsWith("#settings/mock"));
        assertEquals("UNLOADED", ApiClient.of(host).get("/api/carriers/mock-west").json().path("state").asText());
        assertEquals("STARTED", ApiClient.of(host).get("/api/carriers/mock").json().path("state").asText());
    }

    @Test
    void anIdInUseIsShownBesideTheInstanceForm() {
        signIn(TestHosts.ADMIN_TOKEN);
        openSettings("mock");

        browser.findElement(By.id("instance-id")).sendKeys("bandwidth");
        browser.findElement(By.id("instance-create")).click();

        waiting().until(d -> d.findElement(By.id("instance-problem")).getText().contains("carrier bandwidth exists"));
    }

    @Test
    void aViewerSeesTheFormReadOnly() {
        signIn(VIEWER_TOKEN);
        openSettings("mock");

        assertFalse(field("latency_ms").isEnabled());
        assertFalse(browser.findElement(By.id("settings-save")).isDisplayed());
        assertFalse(browser.findElement(By.id("instance-form")).isDisplayed());
    }

    /** Opens the settings view and asks for {@code carrier}'s form, as a person would. */
    private void openSettings(String carrier) {
        open("settings");
        browser.findElement(By.id("settings-carrier")).sendKeys(carrier);
        browser.findElement(By.cssSelector("#settings-pick button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("#settings/" + carrier));
        waiting().until(d -> d.findElement(By.id("settings-summary")).getText().startsWith(carrier + ":"));
    }

    private WebElement row(String key) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#setting-rows .setting[data-setting='" + key + "']")));
    }

    private WebElement field(String key) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("setting-" + key)));
    }

    private WebElement problem(String key) {
        return browser.findElement(By.id("problem-" + key));
    }
}
