package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A canary rollout in the carriers view ({@code console/modules/rollout.js}) in a real Chromium: mock 2.0.0 is uploaded
 * beside 1.0.0 under {@code carrier.mock.rollout=canary}, with windows of 300 ms that hold (too few calls for
 * {@code min_calls}), so the rollout runs while the console shows it and an operator acts on it.
 */
class ConsoleRolloutBrowserTest extends ConsoleViewFixture {

    @TempDir
    Path elsewhere;
    private final AtomicBoolean searching = new AtomicBoolean(true);
    private Thread searches;

    @Override
    Map<String, String> settings() {
        return Map.of("carrier.mock.rollout", "canary", "carrier.mock.rollout.steps", "50,100",
                "carrier.mock.rollout.interval_ms", "300", "carrier.mock.rollout.min_calls", "1000000");
    }

    @AfterEach
    void stopSearches() throws InterruptedException {
        searching.set(false);
        if (searches != null) {
            searches.join();
        }
    }

    @Test
    void aRunningCanaryShowsItsStepAndBothVersionsFiguresSideBySide() throws Exception {
        canaryUploadedUnderSearches();
        signIn(TestHosts.ADMIN_TOKEN);

        waiting().until(d -> Long.parseLong(figure("calls", "stable")) > 0 && Long.parseLong(figure("calls", "canary")) > 0);
        String head = waiting().until(d -> rollout().findElement(By.className("rollout-head")).getText());

        assertTrue(head.contains("canary 2.0.0 beside 1.0.0: running, 50% · step 1 of 2 · searches only"), head);
        assertTrue(figure("yield", "canary").endsWith("%"), figure("yield", "canary"));
        assertTrue(figure("p99", "stable").endsWith(" ms"), figure("p99", "stable"));
        Object fits = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertEquals(Boolean.TRUE, fits, "the carriers view with a rollout fits 1280 px");
    }

    @Test
    void anAbortFromTheConsoleRollsTheCanaryBack() throws Exception {
        canaryUploadedUnderSearches();
        signIn(TestHosts.ADMIN_TOKEN);

        waiting().until(d -> {
            rollout().findElement(By.xpath(".//button[text()='abort']")).click();
            return true;
        });

        waiting().until(d -> rollout().getText().contains("rolled back"));
        JsonNode mock = ApiClient.of(host).get("/api/carriers/mock").json();
        assertEquals("rolled_back", mock.path("rollout").path("status").asText(), mock.toString());
        assertTrue(mock.path("rollout").path("reason").asText().startsWith("aborted by"), mock.toString());
        assertEquals("1.0.0", mock.path("version").asText());
        assertEquals(0, (int) waiting().until(d -> rollout().findElements(By.tagName("button")).size()), "an ended rollout has no buttons");
    }

    /** Uploads mock 2.0.0, whose rollout begins, while searches of 20 accounts run until the test ends. */
    private void canaryUploadedUnderSearches() throws Exception {
        ApiClient api = ApiClient.of(host);
        Path v2 = TestPlugins.mockWithSwitches(elsewhere, "mock", "2.0.0", "order_tag=-v2\n");
        assertEquals(200, api.send("POST", "/api/carriers", Files.readAllBytes(v2), "application/zip").status());
        searches = new Thread(() -> {
            for (int i = 0; searching.get(); i++) {
                api.get("/api/numbers?prefix=415&quantity=2&account_id=acct-" + (i % 20));
            }
        });
        searches.setDaemon(true);
        searches.start();
    }

    private WebElement rollout() {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.rollout[data-rollout='mock']")));
    }

    /**
     * The figure {@code name} of the {@code version} column ({@code stable} or {@code canary}) as the console shows it,
     * read again when the console redraws the rollout between finding the cell and reading it.
     */
    private String figure(String name, String version) {
        return waiting().until(d -> rollout().findElement(By.cssSelector("tr[data-figure='" + name + "'] td." + version)).getText());
    }
}
