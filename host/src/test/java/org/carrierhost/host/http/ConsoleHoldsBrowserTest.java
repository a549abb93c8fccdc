package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's holds view ({@code #holds}, {@code console/modules/holds.js}) in a real Chromium: an active hold is
 * listed with its kind and a countdown that runs down by itself; an operator may release it there, a viewer sees no
 * release button.
 */
class ConsoleHoldsBrowserTest extends ConsoleViewFixture {

    @Test
    void anActiveHoldCountsDownByItselfAndAnOperatorReleasesIt() {
        String id = hold(120);
        signIn(TestHosts.ADMIN_TOKEN);
        open("holds");

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
        open("holds");

        WebElement row = holdRow(id);

        assertEquals(0, row.findElements(By.tagName("button")).size(), row.getText());
    }

    private String hold(int ttl) {
        ApiClient api = ApiClient.of(host);
        String number = api.get("/api/numbers?prefix=415&quantity=1").json().path("numbers").get(0).path("number").asText();
        return api.post("/api/holds", "{\"numbers\":[\"" + number + "\"],\"account_id\":\"acct-1\",\"ttl_s\":" + ttl + "}").json()
                .path("id").asText();
    }

    private WebElement holdRow(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-hold='" + id + "']")));
    }

    private String countdown(String id) {
        return waiting().until(d -> holdRow(id).findElement(By.cssSelector("td.countdown")).getText());
    }
}
