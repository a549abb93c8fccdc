package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: upgrading a plugin (a newer zip installed through the API) swaps its instances to the new version too,
 * with no failed search of the instance meanwhile; the instance keeps its own settings.
 */
class InstanceUpgradeTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private CarrierHost host;

    @BeforeEach
    void start() throws Exception {
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of("carrier.mock-2.plugin", "mock", "carrier.mock-2.latency_ms", "1"));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void anUpgradeOfThePluginSwapsItsInstanceWithNoFailedSearch() throws Exception {
        ApiClient api = ApiClient.of(host);
        assertEquals("STARTED", api.get("/api/carriers/mock-2").json().path("state").asText());
        byte[] zip = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "mock", "9.0.0"));

        String failure = SearchesUnderLoad.firstFailure(api, List.of("/api/numbers?prefix=415&quantity=1&carriers=mock-2"), 10, () -> {
            ApiClient.Reply installed = api.send("POST", "/api/carriers", zip, "application/zip");
            assertEquals(200, installed.status(), installed.text());
        });

        assertNull(failure);
        assertEquals("9.0.0", api.get("/api/carriers/mock").json().path("version").asText());
        assertEquals("9.0.0", api.get("/api/carriers/mock-2").json().path("version").asText());
        assertEquals("1", CarrierSettingsApiTest.setting(api.get("/api/carriers/mock-2").json(), "latency_ms").path("value").asText());
        assertEquals(1, TestHosts.eventCount(host, "swap", "mock-2"));
    }
}
