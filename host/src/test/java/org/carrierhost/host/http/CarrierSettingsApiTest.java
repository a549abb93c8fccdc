package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.events.Event;
import org.carrierhost.host.store.SecretBox;
import org.carrierhost.simulator.BandwidthSimulator;
import org.carrierhost.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 25: {@code PUT /api/carriers/{id}/settings} over real HTTP, with the real Bandwidth zip against its
 * simulator and a carrier whose searches show its settings: checked against the declaration, stored, and applied
 * by a generation that takes over with no gap, or refused with the old settings serving.
 */
class CarrierSettingsApiTest {

    private static final String PASSWORD = "sim-password-7f3a";
    private static final String VIEWER = "viewer-secret-0123456789";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private CarrierHost host;
    private BandwidthSimulator simulator;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private ApiClient api() {
        return ApiClient.of(host);
    }

    private static ApiClient.Reply put(ApiClient api, String id, String json) {
        return api.send("PUT", "/api/carriers/" + id + "/settings", json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private void startWithSettingsCarrier() throws Exception {
        TestPlugins.faulty(plugins, "tuned", "SettingsCarrier", null);
        host = TestHosts.start(plugins, data, Map.of("auth.token.dash", "viewer:" + VIEWER));
    }

    private String greeting() {
        ApiClient.Reply search = api().get("/api/numbers?prefix=415&quantity=1&carriers=tuned");
        assertEquals(200, search.status(), search.text());
        return search.json().path("numbers").get(0).path("data").path("greeting").asText();
    }

    static JsonNode setting(JsonNode carrier, String key) {
        for (JsonNode s : carrier.path("settings")) {
            if (s.path("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key + " in " + carrier);
    }

    private List<Event> reconfigurations() {
        return host.events().recent(1000).stream().filter(e -> e.action().equals("reconfigure")).toList();
    }

    @Test
    void aPutOfValidSettingsMakesANotConfiguredBandwidthServeWithoutARestart() throws Exception {
        simulator = BandwidthSimulator.start(SimulatorSettings.defaults().withCredentials("carrier", PASSWORD));
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of());
        assertEquals("not_configured", api().get("/api/carriers/bandwidth").json().path("health").asText());

        ApiClient.Reply reply = put(api(), "bandwidth", "{\"base_url\":\"" + simulator.baseUrl() + "\",\"account_id\":\""
                + simulator.settings().account() + "\",\"username\":\"carrier\",\"password\":\"" + PASSWORD + "\"}");

        assertEquals(200, reply.status(), reply.text());
        assertTrue(reply.json().path("configured").asBoolean(), reply.text());
        assertEquals("api", setting(reply.json(), "base_url").path("source").asText());
        assertEquals("********", setting(reply.json(), "password").path("value").asText());
        assertFalse(reply.text().contains(PASSWORD), reply.text());
        ApiClient.Reply search = api().get("/api/numbers?prefix=919&quantity=1&carriers=bandwidth");
        assertEquals(200, search.status(), search.text());
        assertEquals(1, search.json().path("numbers").size(), search.text());
    }

    @Test
    void aChangeUnderLoadSwapsWithNoFailedSearch() throws Exception {
        startWithSettingsCarrier();

        String failure = SearchesUnderLoad.firstFailure(api(), List.of("/api/numbers?prefix=415&quantity=1&carriers=tuned"), 20,
                () -> assertEquals(200, put(api(), "tuned", "{\"greeting\":\"bonjour\"}").status()));

        assertEquals(null, failure);
        assertEquals("bonjour", greeting());
        assertEquals(1, TestHosts.eventCount(host, "swap", "tuned"));
    }

    @Test
    void aBadValueIsA400NamingTheKeyAndTheRuleAndTheOldSettingsKeepServing() throws Exception {
        startWithSettingsCarrier();
        assertEquals(200, put(api(), "tuned", "{\"greeting\":\"hola\"}").status());

        ApiClient.Reply reply = put(api(), "tuned", "{\"greeting\":\"ciao\",\"refuse_start\":\"maybe\"}");

        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.json().path("error").path("message").asText().contains("carrier.tuned.refuse_start"), reply.text());
        assertTrue(reply.json().path("error").path("message").asText().contains("true or false"), reply.text());
        assertEquals("hola", greeting());
        assertEquals("hola", setting(api().get("/api/carriers/tuned").json(), "greeting").path("value").asText());
    }

    @Test
    void settingsThatFailToStartLeaveTheOldGenerationServingAndAreNotKept() throws Exception {
        startWithSettingsCarrier();
        assertEquals(200, put(api(), "tuned", "{\"greeting\":\"hola\"}").status());

        ApiClient.Reply reply = put(api(), "tuned", "{\"greeting\":\"ciao\",\"refuse_start\":true}");

        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains("refused to start"), reply.text());
        assertEquals("hola", greeting());
        JsonNode tuned = api().get("/api/carriers/tuned").json();
        assertEquals("STARTED", tuned.path("state").asText(), tuned.toString());
        assertEquals("hola", setting(tuned, "greeting").path("value").asText());
        assertEquals("false", setting(tuned, "refuse_start").path("value").asText());
    }

    @Test
    void anUnknownKeyIsA400WithDidYouMean() throws Exception {
        startWithSettingsCarrier();

        ApiClient.Reply reply = put(api(), "tuned", "{\"greting\":\"hi\"}");

        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.json().path("error").path("message").asText().contains("unknown setting greting"), reply.text());
        assertEquals("did you mean greeting?", reply.json().path("error").path("cause").asText(), reply.text());
    }

    @Test
    void aNullReturnsAKeyToItsDefault() throws Exception {
        startWithSettingsCarrier();
        assertEquals(200, put(api(), "tuned", "{\"greeting\":\"hola\"}").status());

        ApiClient.Reply reply = put(api(), "tuned", "{\"greeting\":null}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("default", setting(reply.json(), "greeting").path("source").asText());
        assertEquals("hello", greeting());
    }

    @Test
    void aViewerIsRefusedAndNothingChanges() throws Exception {
        startWithSettingsCarrier();

        ApiClient.Reply reply = put(api().withToken(VIEWER), "tuned", "{\"greeting\":\"hola\"}");

        assertEquals(403, reply.status(), reply.text());
        assertEquals("hello", greeting());
    }

    @Test
    void aChangeIsAuditedWithWhoAndWhichKeysButNoSecretValue() throws Exception {
        startWithSettingsCarrier();

        assertEquals(200, put(api(), "tuned", "{\"greeting\":\"hola\",\"token\":\"tok-very-secret-42\"}").status());

        List<Event> changes = reconfigurations();
        assertEquals(1, changes.size(), changes.toString());
        Event change = changes.get(0);
        assertEquals("api:admin", change.actor());
        assertTrue(change.target().contains("greeting (unset) -> hola"), change.target());
        assertTrue(change.target().contains("token changed (secret)"), change.target());
        assertFalse(api().get("/api/events?limit=100").text().contains("tok-very-secret"));
    }

    @Test
    void storedSettingsOutliveARestartAndTheKeyFileIsTheOwnersOnly() throws Exception {
        startWithSettingsCarrier();
        assertEquals(200, put(api(), "tuned", "{\"greeting\":\"hola\",\"token\":\"tok-very-secret-42\"}").status());
        host.close();

        host = TestHosts.start(plugins, data, Map.of());

        assertEquals("hola", greeting());
        assertEquals("api", setting(api().get("/api/carriers/tuned").json(), "token").path("source").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(SecretBox.FILE))));
    }

    @Test
    void aWrongKeyFileStopsTheStartNamingIt() throws Exception {
        startWithSettingsCarrier();
        assertEquals(200, put(api(), "tuned", "{\"token\":\"tok-very-secret-42\"}").status());
        host.close();
        host = null;
        Files.delete(data.resolve(SecretBox.FILE));

        SecretBox.SecretKeyException refused = assertThrows(SecretBox.SecretKeyException.class,
                () -> TestHosts.start(plugins, data, Map.of()));

        assertTrue(refused.getMessage().contains(data.resolve(SecretBox.FILE).toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("copy it from the host that stored it"), refused.getMessage());
    }
}
