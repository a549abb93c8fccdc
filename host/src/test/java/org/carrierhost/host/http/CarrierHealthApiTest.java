package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The carrier objects' health for the console: the last 15 minutes' figures, whether a carrier is
 * configured, and what a zip that never loaded may still be asked.
 */
class CarrierHealthApiTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private CarrierHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private ApiClient api() {
        return ApiClient.of(host);
    }

    @Test
    void aSearchIsCountedInTheCurrentMinute() throws Exception {
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of());

        api().get("/api/numbers?prefix=415&quantity=3");

        JsonNode mock = api().get("/api/carriers/mock").json();
        JsonNode minutes = mock.path("recent").path("minutes");
        assertEquals(15, minutes.size());
        assertEquals(1, minutes.get(14).path("calls").asLong(), minutes.toString());
        assertEquals(0, minutes.get(14).path("errors").asLong());
        assertTrue(minutes.get(14).has("p99_ms"));
        assertEquals("ok", mock.path("health").asText());
        assertTrue(mock.path("configured").asBoolean());
    }

    @Test
    void theUnconfiguredBandwidthCarrierIsMarkedOnceItsCallsFail() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of());

        // Named: a search of all carriers leaves a not-configured carrier out (issue 25).
        api().get("/api/numbers?prefix=415&quantity=3&carriers=bandwidth");

        JsonNode bandwidth = api().get("/api/carriers/bandwidth").json();
        assertEquals("STARTED", bandwidth.path("state").asText());
        assertFalse(bandwidth.path("configured").asBoolean(), bandwidth.toString());
        assertEquals("not_configured", bandwidth.path("health").asText());
        assertTrue(bandwidth.path("recent").path("last_error").path("message").asText().contains("not configured"),
                bandwidth.toString());
    }

    @Test
    void aZipThatNeverLoadedCannotBeDisabled() throws Exception {
        TestPlugins.zipOf(plugins.resolve("carrier-broken-1.0.0.zip"), Map.of("readme.txt", "not a plugin".getBytes()));
        host = TestHosts.start(plugins, data, Map.of());
        assertTrue(api().get("/api/carriers/carrier-broken-1.0.0.zip").json().path("failed_zip").asBoolean());

        ApiClient.Reply reply = api().post("/api/carriers/carrier-broken-1.0.0.zip/disable", "");

        assertEquals(400, reply.status());
        assertTrue(reply.json().path("error").path("cause").asText().contains("retry"), reply.text());
        JsonNode broken = api().get("/api/carriers/carrier-broken-1.0.0.zip").json();
        assertEquals("FAILED", broken.path("state").asText());
        assertTrue(broken.path("enabled").asBoolean());
    }

    @Test
    void retryingAZipThatStillFailsAnswersItsReason() throws Exception {
        TestPlugins.zipOf(plugins.resolve("carrier-broken-1.0.0.zip"), Map.of("readme.txt", "not a plugin".getBytes()));
        host = TestHosts.start(plugins, data, Map.of());

        ApiClient.Reply reply = api().post("/api/carriers/carrier-broken-1.0.0.zip/reload", "");

        assertEquals(400, reply.status());
        assertTrue(reply.json().path("error").path("message").asText().contains("no plugin descriptor"), reply.text());
    }

    @Test
    void aZipThatNeverLoadedCanBeRemoved() throws Exception {
        Path zip = TestPlugins.zipOf(plugins.resolve("carrier-broken-1.0.0.zip"), Map.of("readme.txt", "not a plugin".getBytes()));
        host = TestHosts.start(plugins, data, Map.of());

        assertEquals(200, api().send("DELETE", "/api/carriers/carrier-broken-1.0.0.zip", new byte[0], "application/json").status());

        assertFalse(java.nio.file.Files.exists(zip));
        assertEquals(404, api().get("/api/carriers/carrier-broken-1.0.0.zip").status());
    }

    @Test
    void theFaviconIsServed() throws Exception {
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of());

        java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(host.url() + "favicon.ico")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(200, reply.statusCode());
        assertTrue(reply.body().startsWith("<svg"), reply.body());
    }
}
