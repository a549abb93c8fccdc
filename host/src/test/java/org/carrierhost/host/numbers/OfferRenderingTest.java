package org.carrierhost.host.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Offer data is made plain on the carrier's side of the deadline and the bulkhead: a carrier whose offer data
 * never renders ({@code toString()} hangs, ignoring interrupts) holds its own bulkhead's threads, never a request
 * thread, so 40 searches at once all answer by their deadline and {@code /api/health} answers within 1 s
 * throughout.
 */
@RunsAlone
class OfferRenderingTest {

    private static final int SEARCHES = 40;

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void fortySearchesOfACarrierWhoseOfferDataNeverRendersLeaveHealthAnsweringWithinASecond() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.hostile(plugins, "hang", "HangingOfferDataCarrier");
        ExecutorService clients = Executors.newFixedThreadPool(SEARCHES);
        // The hanging renders never end, so closing the host waits out the carriers' drain whatever it is: a short
        // one keeps the test from sitting out the default 10 s without changing what it checks.
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("search.timeout_ms", "500", "plugins.drain_timeout_ms", "200"))) {
            ApiClient api = ApiClient.of(host);
            api.get("/api/health");
            List<CompletableFuture<JsonNode>> searches = new ArrayList<>();
            for (int i = 0; i < SEARCHES; i++) {
                searches.add(CompletableFuture.supplyAsync(() -> api.get("/api/numbers?prefix=415&quantity=1").json(), clients));
            }
            long slowest = 0;
            for (int i = 0; i < 15; i++) {
                long began = System.nanoTime();
                assertEquals(200, api.get("/api/health").status());
                slowest = Math.max(slowest, (System.nanoTime() - began) / 1_000_000);
                Thread.sleep(100);
            }
            assertTrue(slowest < 1000, "the slowest /api/health took " + slowest + " ms");

            for (CompletableFuture<JsonNode> search : searches) {
                JsonNode answer = search.get(10, TimeUnit.SECONDS);
                assertEquals(1, answer.path("numbers").size(), answer.toString());
                assertEquals("mock", answer.path("numbers").path(0).path("carrier").asText(), answer.toString());
                assertEquals("hang", answer.path("errors").path(0).path("carrier").asText(), answer.toString());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
