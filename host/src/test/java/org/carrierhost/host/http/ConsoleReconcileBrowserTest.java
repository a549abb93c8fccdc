package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's reconcile view ({@code #reconcile}, {@code console/modules/reconcile.js}) and a ported-in number's
 * activation ({@code #numbers/<number>}) in a real Chromium, against the mock carrier: an operator runs a
 * reconciliation and repairs a row with its button; a viewer reads the report with no button; an operator activates a
 * {@code port_in} number with no carrier call, on its page, which lists the moves its state allows ({@code /api/states}).
 */
class ConsoleReconcileBrowserTest extends ConsoleViewFixture {

    /** Imported as ported in; once activated it is in service here, and the mock, which never ordered it, does not list it. */
    private static final String PORTED = "+14155550012";

    @BeforeEach
    void importPortedIn() {
        ApiClient.Reply imported = ApiClient.of(host).post("/api/numbers/import",
                "{\"carrier\":\"mock\",\"numbers\":[\"" + PORTED + "\"],\"state\":\"port_in\"}");
        assertEquals(200, imported.status(), imported.text());
    }

    @Test
    void anOperatorRunsAReconciliationAndMarksARowCheckedWithItsButton() {
        activate();
        signIn(TestHosts.ADMIN_TOKEN);
        open("reconcile");
        browser.findElement(By.id("reconcile-carrier")).sendKeys("mock");
        browser.findElement(By.id("reconcile-run")).click();

        WebElement row = driftRow(PORTED);
        assertTrue(row.getText().contains("only here"), row.getText());
        row.findElement(By.cssSelector("button[data-action='mark_checked']")).click();

        waiting().until(d -> driftRow(PORTED).findElement(By.className("drift-resolution")).getText().startsWith("mark checked by"));
        JsonNode kept = ApiClient.of(host).get("/api/carriers/mock/reconcile").json().path("reports").get(0);
        assertEquals("mark_checked", kept.path("only_here").get(0).path("resolution").asText(), kept.toString());
        assertEquals(1, TestHosts.eventCount(host, "reconcile-repair", "mock"));
    }

    @Test
    void aViewerReadsTheNewestReportAtItsAddressWithNoButton() {
        activate();
        assertEquals(200, ApiClient.of(host).post("/api/carriers/mock/reconcile", "").status());
        signIn(VIEWER_TOKEN);
        open("reconcile");
        browser.get(host.url() + "#reconcile/mock");

        WebElement row = driftRow(PORTED);

        assertEquals(0, row.findElements(By.tagName("button")).size(), row.getText());
        assertTrue(browser.findElement(By.id("reconcile-summary")).getText().contains("1 only here"),
                browser.findElement(By.id("reconcile-summary")).getText());
        assertTrue(!browser.findElement(By.id("reconcile-run")).isDisplayed(), "a viewer cannot run one");
    }

    @Test
    void anOperatorActivatesAPortedInNumberOnItsPageWhichListsTheMovesItsStateAllows() {
        signIn(TestHosts.ADMIN_TOKEN);
        open("numbers");
        browser.get(host.url() + "#numbers/" + PORTED);

        waiting().until(d -> d.findElement(By.id("number-moves")).getText().contains("port_in → in_service by activate (carrier call: none)"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='number-actions']/button[text()='activate']"))).click();

        waiting().until(d -> d.findElement(By.id("number-record")).getText().contains("in_service"));
        waiting().until(d -> d.findElement(By.id("number-moves")).getText().startsWith("in_service → "));
        assertEquals("in_service", ApiClient.of(host).get("/api/numbers/" + PORTED).json().path("state").asText());
    }

    private void activate() {
        ApiClient.Reply activated = ApiClient.of(host).post("/api/numbers/" + PORTED + "/activate", "{\"account_id\":\"acct-1\"}");
        assertEquals(200, activated.status(), activated.text());
    }

    private WebElement driftRow(String number) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#drift-rows tr[data-number='" + number + "']")));
    }
}
