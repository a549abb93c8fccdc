package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The carriers API over real HTTP. */
class CarrierApiTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void listsEachCarrierWithItsStateVersionAndFlags() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            Reply reply = ApiClient.of(host).get("/api/carriers");

            assertEquals(200, reply.status());
            JsonNode mock = reply.json().get(0);
            assertEquals("mock", mock.path("id").asText());
            assertEquals("1.0.0", mock.path("version").asText());
            assertEquals("STARTED", mock.path("state").asText());
            assertTrue(mock.path("enabled").asBoolean());
            assertEquals(false, mock.path("local").asBoolean());
            assertEquals(false, mock.path("cnam").asBoolean());
            assertEquals("carrier-mock-1.0.0.zip", mock.path("file").asText());
            assertTrue(mock.path("error").isNull());
            assertTrue(mock.path("stats").has("calls"));
        }
    }

    @Test
    void oneCarrierShowsItsConfigurationWithSecretsMasked() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.mock.latency_ms", "1",
                "carrier.mock.password", "hunter2"))) {
            Reply reply = ApiClient.of(host).get("/api/carriers/mock");

            assertEquals("1", reply.json().path("config").path("latency_ms").asText());
            assertEquals("********", reply.json().path("config").path("password").asText());
            assertTrue(!reply.text().contains("hunter2"));
        }
    }

    @Test
    void anUnknownCarrierIs404() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            Reply reply = ApiClient.of(host).get("/api/carriers/nope");

            assertEquals(404, reply.status());
            assertEquals("not_found", reply.error());
            assertEquals("nope", reply.json().path("error").path("carrier").asText());
        }
    }

    @Test
    void aZipThatCannotLoadIsListedWithItsReasonAndTheOthersServe() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.zipOf(plugins.resolve("carrier-empty-1.0.0.zip"), Map.of("readme.txt", "no plugin here".getBytes()));
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            ApiClient api = ApiClient.of(host);
            Reply carriers = api.get("/api/carriers");

            JsonNode failed = null;
            for (JsonNode c : carriers.json()) {
                if (c.path("file").asText().equals("carrier-empty-1.0.0.zip")) {
                    failed = c;
                }
            }
            assertEquals("FAILED", failed.path("state").asText(), carriers.text());
            assertEquals("no plugin descriptor", failed.path("error").path("message").asText());
            assertEquals(10, api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers").size());
            assertTrue(plugins.resolve("carrier-empty-1.0.0.zip").toFile().exists(), "the operator's zip is kept");
        }
    }
}
