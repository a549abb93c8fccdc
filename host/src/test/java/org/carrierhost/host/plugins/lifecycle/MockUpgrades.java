package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the tests of a new mock version share: mock 1.0.0 dropped in, a host started on it over HTTP with the test's
 * {@link #settings}, and variants of the mock uploaded beside it.
 */
abstract class MockUpgrades {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    CarrierHost host;
    ApiClient api;
    final Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);

    @BeforeEach
    void mockV1DroppedIn() throws Exception {
        Files.copy(TestPlugins.mockVariant(elsewhere, "mock", "1.0.0"), plugins.resolve("carrier-mock-1.0.0.zip"));
    }

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    /** Starts the host with {@link #settings}, once mock 1.0.0 serves. */
    void start() {
        host = TestHosts.startServing(plugins, data, settings, "mock");
        api = ApiClient.of(host);
    }

    /** The mock carrier as {@code GET /api/carriers/mock} answers it. */
    JsonNode mock() {
        return api.get("/api/carriers/mock").json();
    }

    /** Uploads the mock at {@code version} carrying {@code switches} in its {@code mock-switches.properties}. */
    Reply upload(String version, String switches) throws Exception {
        Path zip = TestPlugins.mockWithSwitches(elsewhere, "mock", version, switches);
        return api.send("POST", "/api/carriers", Files.readAllBytes(zip), "application/zip");
    }
}
