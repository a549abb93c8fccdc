package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.MovableClock;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The carriers view's latency column in a real headless Chromium: a minute that had calls keeps its p50 and p99 dots
 * after traffic stops. Apart from {@link ConsoleBrowserTest}, for its host's recent minutes read a clock the test moves
 * into the next minute.
 */
class ConsoleLatencyBrowserTest extends ConsoleViewFixture {

    private final MovableClock clock = new MovableClock();

    @Override
    Clock recentCallsClock() {
        return clock;
    }

    private WebElement row(String carrier) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-carrier='" + carrier + "']")));
    }

    @Test
    void latencyStaysShownForTheMinuteThatHadCallsAfterTrafficStops() throws Exception {
        ApiClient api = ApiClient.of(host);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/api/numbers?prefix=415&quantity=3&carriers=mock").status());
        }
        // Into the next minute, so the current one has no calls: only what the earlier minute had can show. The
        // host's clock moves there at once (half a second in, as a wait for the minute would land), not the wall's.
        clock.advance(Duration.ofMillis(60_000 - clock.millis() % 60_000 + 500));
        JsonNode minutes = api.get("/api/carriers/mock").json().path("recent").path("minutes");
        assertEquals(0, minutes.get(minutes.size() - 1).path("calls").asLong(), "the current minute has no calls");
        long busy = 0;
        for (JsonNode m : minutes) {
            busy += m.path("calls").asLong() > 0 ? 1 : 0;
        }

        signIn(TestHosts.ADMIN_TOKEN);

        String figure = waiting().until(d -> row("mock").findElement(By.cssSelector("td.latency .figure")).getText());
        assertTrue(figure.matches("[0-9.]+ / [0-9.]+ ms"), figure);
        assertFalse(figure.equals("0 / 0 ms"), figure);
        String label = waiting().until(d -> row("mock").findElement(By.cssSelector("td.latency svg")).getAttribute("aria-label"));
        assertTrue(label.matches(".*: \\d\\d:\\d\\d \\S+ [0-9.]+/[0-9.]+ ms.*"), label);
        long dots = waiting().until(d -> (long) row("mock").findElements(By.cssSelector("td.latency svg circle")).size());
        assertEquals(2 * busy, dots, "a p50 and a p99 dot for each minute with calls");
    }
}
