package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.simulator.telnyx.TelnyxSimulator;
import org.carrierhost.simulator.telnyx.TelnyxSimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A first install on probation ({@code plugins.selftest.before_serving=true}): real zips through PF4J, over HTTP. One
 * whose self-test does not pass is loaded and started but not routed ({@code PROBING}), and its self-test is retried
 * every 200 ms to 400 ms; once it passes it serves. A plugin without a self-test serves as ever. Mock 1.0.0 is dropped
 * in before each test starts the host (see {@link MockUpgrades}).
 */
class FirstInstallProbationTest extends MockUpgrades {

    private static final String TELNYX_KEY = "KEYsim-telnyx-4e1c";

    private TelnyxSimulator simulator;

    @BeforeEach
    void onProbation() {
        settings.putAll(Map.of("plugins.selftest.before_serving", "true", "plugins.selftest.retry_ms", "200",
                "plugins.selftest.retry_max_ms", "400"));
    }

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Starts the host with {@link #settings}, whatever its carriers' states. */
    @Override
    void start() {
        host = TestHosts.start(plugins, data, settings);
        api = ApiClient.of(host);
    }

    private JsonNode carrier(String id) {
        return api.get("/api/carriers/" + id).json();
    }

    private void awaitState(String id, String state) {
        Await.until(Duration.ofSeconds(15), () -> state.equals(carrier(id).path("state").asText()), () -> carrier(id).toString());
    }

    private JsonNode searchFor(String carrier) {
        return api.get("/api/numbers?prefix=415&quantity=2&carriers=" + carrier).json();
    }

    @Test
    void aFirstInstallWhoseSelfTestFailsAtStartUpIsLoadedButNotRoutedAndRetriedWhileHealthAnswers() throws Exception {
        settings.put("carrier.mock.bad_credentials", "true");
        start();

        awaitState("mock", "PROBING");
        long before = TestHosts.eventCount(host, "selftest", "mock");
        Await.until(Duration.ofSeconds(10), () -> TestHosts.eventCount(host, "selftest", "mock") >= before + 2,
                () -> "retries: " + TestHosts.eventCount(host, "selftest", "mock"));
        JsonNode mock = carrier("mock");
        Reply search = api.get("/api/numbers?prefix=415&quantity=2");
        Reply acquire = api.post("/api/numbers/+14159000000/acquire", "{\"account_id\":\"acct-1\"}");
        Reply health = api.get("/api/health");
        Reply ready = api.get("/api/health/ready");

        assertEquals("PROBING", mock.path("state").asText(), mock.toString());
        assertEquals("failed", mock.path("selftest").path("outcome").asText(), mock.toString());
        assertTrue(mock.path("error").path("message").asText().contains("is loaded but not routed"), mock.toString());
        assertTrue(mock.path("error").path("cause").asText().contains("credentials: failed"), mock.toString());
        assertEquals(0, search.json().path("numbers").size(), search.text());
        assertTrue(acquire.status() >= 400, acquire.text());
        assertEquals(200, health.status(), health.text());
        assertEquals(0, health.json().path("carriers_serving").asInt(), health.text());
        assertTrue(ready.text().contains("carrier mock is PROBING: self-test failed"), ready.text());
    }

    @Test
    void anUploadedFirstInstallIsRoutedOnceASettingsChangeLetsItsSelfTestPass() throws Exception {
        Files.delete(plugins.resolve("carrier-mock-1.0.0.zip"));
        settings.put("carrier.mock.bad_credentials", "true");
        start();
        Reply upload = api.send("POST", "/api/carriers", Files.readAllBytes(TestPlugins.mockZip()), "application/zip");
        awaitState("mock", "PROBING");

        Reply fixed = api.send("PUT", "/api/carriers/mock/settings", "{\"bad_credentials\":false}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        awaitState("mock", "STARTED");

        assertEquals(200, upload.status(), upload.text());
        assertEquals(200, fixed.status(), fixed.text());
        assertEquals("passed", carrier("mock").path("selftest").path("outcome").asText());
        assertTrue(searchFor("mock").path("numbers").size() > 0, searchFor("mock").toString());
    }

    /** Starts the host on Telnyx, whose simulator is down, once Telnyx is PROBING; the simulator's port. */
    private int telnyxWhileItsCarrierIsDown() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TestPlugins.copyBuilt(plugins, "telnyx");
        settings.putAll(Map.of("carrier.telnyx.base_url", "http://127.0.0.1:" + port + "/v2", "carrier.telnyx.api_key", TELNYX_KEY,
                "carrier.telnyx.connection_id", "1293384261075731499",
                "carrier.telnyx.messaging_profile_id", "abc85f64-5717-4562-b3fc-2c9600000000"));
        start();
        awaitState("telnyx", "PROBING");
        assertEquals("inconclusive", carrier("telnyx").path("selftest").path("outcome").asText(), carrier("telnyx").toString());
        return port;
    }

    private void carrierBackUpOn(int port) throws Exception {
        simulator = TelnyxSimulator.start(TelnyxSimulatorSettings.defaults().withApiKey(TELNYX_KEY).withPort(port)
                .withRateLimitResetSecs(0));
    }

    @Test
    void aFirstInstallWhoseCarrierIsDownIsRoutedByARetryOnceTheCarrierIsBackUp() throws Exception {
        carrierBackUpOn(telnyxWhileItsCarrierIsDown());

        awaitState("telnyx", "STARTED");

        JsonNode telnyx = carrier("telnyx");
        assertEquals("passed", telnyx.path("selftest").path("outcome").asText(), telnyx.toString());
        assertTrue(telnyx.path("error").isNull(), telnyx.toString());
        assertTrue(searchFor("telnyx").path("numbers").size() > 0, searchFor("telnyx").toString());
    }

    @Test
    void anOnDemandSelfTestThatPassesRoutesAProbingCarrierWithoutWaitingForItsRetry() throws Exception {
        settings.put("plugins.selftest.retry_ms", "600000");
        settings.put("plugins.selftest.retry_max_ms", "600000");
        carrierBackUpOn(telnyxWhileItsCarrierIsDown());

        Reply test = api.post("/api/carriers/telnyx/selftest", "");

        assertEquals("passed", test.json().path("outcome").asText(), test.text());
        assertEquals("STARTED", carrier("telnyx").path("state").asText(), carrier("telnyx").toString());
    }

    @Test
    void aPluginWithoutASelfTestIsRoutedAsToday() throws Exception {
        TestPlugins.copyLocal(plugins);
        start();

        awaitState("local", "STARTED");

        assertEquals("not_implemented", carrier("local").path("selftest").path("outcome").asText(), carrier("local").toString());
    }
}
