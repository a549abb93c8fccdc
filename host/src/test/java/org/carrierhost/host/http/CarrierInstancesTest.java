package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.simulator.BandwidthSimulator;
import org.carrierhost.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 25: several accounts of one carrier. The real Bandwidth zip runs as two instances, {@code bw-west} (defined
 * by {@code carrier.bw-west.plugin=bandwidth} in the host's settings) and {@code bw-east} (created with
 * {@code POST /api/carriers/bandwidth/instances}), each against a Bandwidth simulator of its own account.
 */
class CarrierInstancesTest {

    private static final String WEST_PASSWORD = "west-password-5d1c";
    private static final String EAST_PASSWORD = "east-password-8e2b";
    private static final String VIEWER = "viewer-secret-0123456789";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private BandwidthSimulator west;
    private BandwidthSimulator east;
    private CarrierHost host;

    @BeforeEach
    void start() throws Exception {
        west = BandwidthSimulator.start(SimulatorSettings.defaults().withAccount("9900001").withCredentials("west", WEST_PASSWORD));
        east = BandwidthSimulator.start(SimulatorSettings.defaults().withAccount("9900002").withCredentials("east", EAST_PASSWORD));
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, westSettings());
        ApiClient.Reply created = createEast(api());
        assertEquals(201, created.status(), created.text());
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        west.close();
        east.close();
    }

    private Map<String, String> westSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auth.token.dash", "viewer:" + VIEWER);
        settings.put("carrier.bw-west.plugin", "bandwidth");
        settings.put("carrier.bw-west.base_url", west.baseUrl());
        settings.put("carrier.bw-west.account_id", west.settings().account());
        settings.put("carrier.bw-west.username", "west");
        settings.put("carrier.bw-west.password", WEST_PASSWORD);
        settings.put("carrier.bw-west.site_id", "1");
        settings.put("carrier.bw-west.order_poll_interval_ms", "10");
        return settings;
    }

    private ApiClient.Reply createEast(ApiClient api) {
        return post(api, "/api/carriers/bandwidth/instances", "{\"id\":\"bw-east\",\"settings\":{\"base_url\":\"" + east.baseUrl()
                + "\",\"account_id\":\"" + east.settings().account() + "\",\"username\":\"east\",\"password\":\"" + EAST_PASSWORD
                + "\",\"site_id\":\"1\",\"order_poll_interval_ms\":10}}");
    }

    private ApiClient api() {
        return ApiClient.of(host);
    }

    private static ApiClient.Reply post(ApiClient api, String path, String json) {
        return api.send("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** The first number {@code carrier} offers for {@code prefix}, checked to be offered as that carrier's. */
    private String offered(String carrier, String prefix) {
        ApiClient.Reply search = api().get("/api/numbers?prefix=" + prefix + "&quantity=1&carriers=" + carrier);
        assertEquals(200, search.status(), search.text());
        JsonNode first = search.json().path("numbers").get(0);
        assertEquals(carrier, first.path("carrier").asText(), search.text());
        return first.path("number").asText();
    }

    @Test
    void twoInstancesServeAtOnceEachAcquiringAndDisconnectingThroughItsOwnAccount() {
        String westNumber = offered("bw-west", "973");
        String eastNumber = offered("bw-east", "919");

        ApiClient.Reply westAcquired = api().post("/api/numbers/" + westNumber + "/acquire", "{\"account_id\":\"acct-w\"}");
        ApiClient.Reply eastAcquired = api().post("/api/numbers/" + eastNumber + "/acquire", "{\"account_id\":\"acct-e\"}");

        assertEquals(200, westAcquired.status(), westAcquired.text());
        assertEquals(200, eastAcquired.status(), eastAcquired.text());
        assertEquals("bw-west", westAcquired.json().path("carrier").asText(), westAcquired.text());
        assertEquals("bw-east", eastAcquired.json().path("carrier").asText(), eastAcquired.text());
        assertEquals(1, west.count("POST", "/orders"));
        assertEquals(1, east.count("POST", "/orders"));

        assertEquals(200, api().post("/api/numbers/" + westNumber + "/disconnect", "{}").status());
        assertEquals(1, west.count("POST", "/disconnects"));
        assertEquals(0, east.count("POST", "/disconnects"));
        assertEquals(200, api().post("/api/numbers/" + eastNumber + "/disconnect", "{}").status());
        assertEquals(1, east.count("POST", "/disconnects"));
    }

    @Test
    void eachInstanceIsACarrierOfItsOwnBuiltFromThePlugin() {
        JsonNode westCarrier = api().get("/api/carriers/bw-west").json();
        JsonNode eastCarrier = api().get("/api/carriers/bw-east").json();
        JsonNode plugin = api().get("/api/carriers/bandwidth").json();

        assertEquals("bandwidth", westCarrier.path("plugin").asText(), westCarrier.toString());
        assertEquals("STARTED", westCarrier.path("state").asText(), westCarrier.toString());
        assertTrue(westCarrier.path("configured").asBoolean(), westCarrier.toString());
        assertEquals("bandwidth", eastCarrier.path("plugin").asText(), eastCarrier.toString());
        assertEquals("api", CarrierSettingsApiTest.setting(eastCarrier, "base_url").path("source").asText());
        assertEquals("********", CarrierSettingsApiTest.setting(eastCarrier, "password").path("value").asText());
        assertEquals("not_configured", plugin.path("health").asText(), plugin.toString());
        assertFalse(api().get("/api/carriers/bw-east").text().contains(EAST_PASSWORD));
        assertEquals(1, host.events().recent(1000).stream()
                .filter(e -> e.action().equals("create-instance") && e.target().startsWith("bw-east")).count());
    }

    @Test
    void aSearchOfAllCarriersListsBothInstancesAndSkipsTheUnconfiguredPlugin() {
        ApiClient.Reply search = api().get("/api/numbers?prefix=973&quantity=5");

        assertEquals(200, search.status(), search.text());
        assertEquals(0, search.json().path("errors").size(), search.text());
        assertTrue(search.text().contains("\"bandwidth\""), search.text());
        long fromInstances = 0;
        for (JsonNode n : search.json().path("numbers")) {
            String carrier = n.path("carrier").asText();
            assertTrue(carrier.equals("bw-west") || carrier.equals("bw-east"), search.text());
            fromInstances++;
        }
        assertEquals(5, fromInstances, search.text());
        assertEquals(1, west.count("GET", "/availableNumbers"));
        assertEquals(1, east.count("GET", "/availableNumbers"));
    }

    @Test
    void disablingOneInstanceLeavesTheOtherServing() {
        ApiClient.Reply disabled = api().post("/api/carriers/bw-west/disable", "");
        assertEquals(200, disabled.status(), disabled.text());

        assertEquals("DISABLED", api().get("/api/carriers/bw-west").json().path("state").asText());
        offered("bw-east", "919");
        ApiClient.Reply westSearch = api().get("/api/numbers?prefix=973&quantity=1&carriers=bw-west");
        assertTrue(westSearch.text().contains("carrier_unavailable"), westSearch.text());
    }

    @Test
    void reloadingThePluginSwapsEveryInstanceWithNoFailedSearch() throws Exception {
        String failure = SearchesUnderLoad.firstFailure(api(), List.of("/api/numbers?prefix=973&quantity=1&carriers=bw-west",
                "/api/numbers?prefix=973&quantity=1&carriers=bw-east"), 10, () -> {
                    ApiClient.Reply reloaded = api().post("/api/carriers/bandwidth/reload", "");
                    assertEquals(200, reloaded.status(), reloaded.text());
                });

        assertNull(failure);
        assertEquals(1, TestHosts.eventCount(host, "swap", "bw-west"));
        assertEquals(1, TestHosts.eventCount(host, "swap", "bw-east"));
    }

    @Test
    void removingThePluginWhileInstancesExistIsRefusedNamingThem() {
        ApiClient.Reply refused = api().send("DELETE", "/api/carriers/bandwidth", new byte[0], "application/json");

        assertEquals(409, refused.status(), refused.text());
        assertTrue(refused.json().path("error").path("message").asText().contains("bw-east, bw-west"), refused.text());
        assertEquals("STARTED", api().get("/api/carriers/bandwidth").json().path("state").asText());
    }

    @Test
    void removingAnInstanceLeavesTheOtherServingAndThePluginsZipInPlace() throws Exception {
        ApiClient.Reply removed = api().send("DELETE", "/api/carriers/bw-east", new byte[0], "application/json");

        assertEquals(200, removed.status(), removed.text());
        assertEquals("UNLOADED", removed.json().path("state").asText(), removed.text());
        offered("bw-west", "973");
        assertTrue(Files.exists(plugins.resolve(TestPlugins.builtZip("bandwidth").getFileName())));
        assertEquals("STARTED", api().get("/api/carriers/bandwidth").json().path("state").asText());
        host.close();
        host = TestHosts.start(plugins, data, westSettings());
        assertEquals(404, api().get("/api/carriers/bw-east").status());
        offered("bw-west", "973");
    }

    @Test
    void aCreatedInstanceOutlivesARestart() {
        host.close();
        host = TestHosts.start(plugins, data, westSettings());

        offered("bw-east", "919");
        assertEquals("bandwidth", api().get("/api/carriers/bw-east").json().path("plugin").asText());
    }

    @Test
    void aBadValueIsA400NamingTheKeyAndNothingIsCreated() {
        ApiClient.Reply refused = post(api(), "/api/carriers/bandwidth/instances",
                "{\"id\":\"bw-south\",\"settings\":{\"base_url\":\"not a url\"}}");

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.json().path("error").path("message").asText().contains("carrier.bw-south.base_url"), refused.text());
        assertEquals(404, api().get("/api/carriers/bw-south").status());
    }

    @Test
    void anUnknownKeyIsA400WithDidYouMean() {
        ApiClient.Reply refused = post(api(), "/api/carriers/bandwidth/instances",
                "{\"id\":\"bw-south\",\"settings\":{\"pasword\":\"x\"}}");

        assertEquals(400, refused.status(), refused.text());
        assertEquals("did you mean password?", refused.json().path("error").path("cause").asText(), refused.text());
    }

    @Test
    void anIdInUseIsA409AndAViewerIsRefused() {
        ApiClient.Reply taken = createEast(api());
        ApiClient.Reply viewer = post(api().withToken(VIEWER), "/api/carriers/bandwidth/instances", "{\"id\":\"bw-north\"}");

        assertEquals(409, taken.status(), taken.text());
        assertEquals(403, viewer.status(), viewer.text());
        assertEquals(404, api().get("/api/carriers/bw-north").status());
    }

    @Test
    void anInstanceOfAPluginThatDeclaresNoSettingsLoadsAndServes() throws Exception {
        TestPlugins.faulty(plugins, "quiet", "WorkingCarrier", null);
        host.close();
        host = TestHosts.start(plugins, data, westSettings());

        ApiClient.Reply created = post(api(), "/api/carriers/quiet/instances", "{\"id\":\"quiet-2\"}");

        assertEquals(201, created.status(), created.text());
        assertEquals("STARTED", created.json().path("state").asText(), created.text());
        ApiClient.Reply search = api().get("/api/numbers?prefix=415&quantity=1&carriers=quiet,quiet-2");
        assertEquals(200, search.status(), search.text());
        assertEquals(0, search.json().path("errors").size(), search.text());
    }

    @Test
    void aPluginZipWithTheIdOfAnInstanceIsRefusedAndTheInstanceServesOn(@TempDir Path elsewhere) throws Exception {
        byte[] zip = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "bw-east", "1.0.0"));

        ApiClient.Reply refused = api().send("POST", "/api/carriers", zip, "application/zip");

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.json().path("error").path("message").asText().contains("is an instance of plugin bandwidth"), refused.text());
        assertEquals("bandwidth", api().get("/api/carriers/bw-east").json().path("plugin").asText());
        offered("bw-east", "919");
    }

    @Test
    void eachInstanceHasItsOwnMetricsAndBreaker() {
        offered("bw-west", "973");

        String metrics = api().get("/metrics").text();

        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("carrierhost_carrier_calls_total{") && l.contains("carrier=\"bw-west\"")
                && l.contains("operation=\"find\"") && l.endsWith(" 1.0")), metrics);
        assertFalse(metrics.lines().anyMatch(l -> l.startsWith("carrierhost_carrier_calls_total{") && l.contains("carrier=\"bw-east\"")),
                metrics);
        assertEquals(1, api().get("/api/carriers/bw-west").json().path("stats").path("calls").asInt());
        assertEquals(0, api().get("/api/carriers/bw-east").json().path("stats").path("calls").asInt());
    }
}
