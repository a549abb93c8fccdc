package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
 * Issue 25: the settings a carrier declares, checked by the host before it starts the carrier and shown by
 * {@code GET /api/carriers/{id}}, over real HTTP with the real plugin zips.
 */
class DeclaredSettingsApiTest {

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

    private JsonNode carrier(String id) {
        ApiClient.Reply reply = ApiClient.of(host).get("/api/carriers/" + id);
        assertEquals(200, reply.status(), reply.text());
        return reply.json();
    }

    private static JsonNode setting(JsonNode carrier, String key) {
        for (JsonNode s : carrier.path("settings")) {
            if (s.path("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key + " in " + carrier);
    }

    @Test
    void bandwidthWithoutItsSettingsIsNotConfiguredFromStartUpNamingEachMissingKey() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of());

        JsonNode bandwidth = carrier("bandwidth");
        assertEquals("not_configured", bandwidth.path("health").asText(), bandwidth.toString());
        assertFalse(bandwidth.path("configured").asBoolean());
        assertEquals(List.of("base_url", "account_id"),
                List.of(bandwidth.path("missing").get(0).asText(), bandwidth.path("missing").get(1).asText()));
        assertEquals(2, bandwidth.path("missing").size());
        JsonNode baseUrl = setting(bandwidth, "base_url");
        assertFalse(baseUrl.path("valid").asBoolean());
        assertTrue(baseUrl.path("required").asBoolean());
        assertEquals("unset", baseUrl.path("source").asText());
        assertTrue(baseUrl.path("problem").asText().contains("carrier.bandwidth.base_url"), baseUrl.toString());
    }

    @Test
    void eachDeclaredSettingShowsItsValueSourceAndValidityWithSecretsMasked() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        Map<String, String> settings = new HashMap<>();
        settings.put("carrier.bandwidth.base_url", "http://127.0.0.1:9");
        settings.put("carrier.bandwidth.account_id", "9900000");
        settings.put("carrier.bandwidth.password", "hunter2-secret");
        host = TestHosts.start(plugins, data, settings);

        JsonNode bandwidth = carrier("bandwidth");
        assertTrue(bandwidth.path("configured").asBoolean(), bandwidth.toString());
        assertEquals(0, bandwidth.path("missing").size());
        JsonNode password = setting(bandwidth, "password");
        assertEquals("********", password.path("value").asText());
        assertTrue(password.path("secret").asBoolean());
        assertFalse(bandwidth.toString().contains("hunter2"), bandwidth.toString());
        JsonNode account = setting(bandwidth, "account_id");
        assertEquals("9900000", account.path("value").asText());
        assertEquals("command_line", account.path("source").asText());
        assertTrue(account.path("valid").asBoolean());
        JsonNode timeout = setting(bandwidth, "timeout_ms");
        assertEquals("10000", timeout.path("value").asText());
        assertEquals("default", timeout.path("source").asText());
        assertEquals("milliseconds from 1 to 3600000", timeout.path("type").asText());
        assertFalse(timeout.path("doc").asText().isEmpty());
    }

    @Test
    void aBadValueFailsTheStartNamingTheKeyAndTheRule() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of("carrier.bandwidth.base_url", "http://127.0.0.1:9",
                "carrier.bandwidth.account_id", "1", "carrier.bandwidth.timeout_ms", "soon"));

        JsonNode bandwidth = carrier("bandwidth");
        assertEquals("FAILED", bandwidth.path("state").asText(), bandwidth.toString());
        String error = bandwidth.path("error").toString();
        assertTrue(error.contains("carrier.bandwidth.timeout_ms"), error);
        assertTrue(error.contains("must be a whole number of milliseconds from 1 to 3600000"), error);
    }

    @Test
    void aCarrierThatDeclaresNothingLoadsAndServesUnchanged() throws Exception {
        TestPlugins.faulty(plugins, "plain", "WorkingCarrier", null);
        host = TestHosts.start(plugins, data, Map.of());

        JsonNode plain = carrier("plain");
        assertEquals("STARTED", plain.path("state").asText(), plain.toString());
        assertTrue(plain.path("configured").asBoolean());
        assertEquals(0, plain.path("settings").size());
        assertEquals(0, plain.path("missing").size());
        ApiClient.Reply search = ApiClient.of(host).get("/api/numbers?prefix=415&quantity=1&carriers=plain");
        assertEquals(200, search.status(), search.text());
    }

    @Test
    void aSearchOfAllCarriersListsANotConfiguredCarrierUnderSkippedNotErrors() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of());

        ApiClient.Reply all = ApiClient.of(host).get("/api/numbers?prefix=415&quantity=3");
        assertEquals(200, all.status(), all.text());
        assertEquals(0, all.json().path("errors").size(), all.text());
        assertEquals(3, all.json().path("numbers").size(), all.text());
        JsonNode skipped = all.json().path("skipped");
        assertEquals(1, skipped.size(), all.text());
        assertEquals("bandwidth", skipped.get(0).path("carrier").asText());
        String reason = skipped.get(0).path("reason").asText();
        assertTrue(reason.contains("not configured") && reason.contains("carrier.bandwidth.base_url")
                && reason.contains("carrier.bandwidth.account_id"), reason);
    }

    @Test
    void aSearchNamingANotConfiguredCarrierAnswersCarrierUnavailable() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of());

        ApiClient.Reply named = ApiClient.of(host).get("/api/numbers?prefix=415&quantity=3&carriers=bandwidth");
        JsonNode errors = named.json().path("errors");
        assertEquals(1, errors.size(), named.text());
        assertEquals("carrier_unavailable", errors.get(0).path("error").asText(), named.text());
        assertEquals(0, named.json().path("skipped").size());
    }

    @Test
    void readinessIgnoresANotConfiguredCarrier() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of());

        ApiClient.Reply ready = ApiClient.of(host).withToken(null).get("/api/health/ready");
        assertEquals(200, ready.status(), ready.text());
    }

    @Test
    void aMandatoryCarrierThatIsNotConfiguredMakesTheHostNotReadyNamingIt() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, Map.of("carrier.bandwidth.mandatory", "true"));

        ApiClient.Reply ready = ApiClient.of(host).withToken(null).get("/api/health/ready");
        assertEquals(503, ready.status(), ready.text());
        assertEquals("not_ready", ready.error());
        assertTrue(ready.text().contains("carrier bandwidth is not configured: missing carrier.bandwidth.base_url, "
                + "carrier.bandwidth.account_id"), ready.text());
    }
}
