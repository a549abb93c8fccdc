package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.simulator.telnyx.TelnyxSimulator;
import org.carrierhost.simulator.telnyx.TelnyxSimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new version of a serving carrier self-tested beside the version that serves, at the same moment
 * ({@code plugins.selftest.before_serving}): a carrier outage is not a bad version. Real zips through PF4J, over HTTP.
 */
@RunsAlone
class SwapSelfTestTest extends MockUpgrades {

    private static final String TELNYX_KEY = "KEYsim-telnyx-4e1c";

    private TelnyxSimulator simulator;

    @BeforeEach
    void selfTestedBeforeServing() {
        settings.put("plugins.selftest.before_serving", "true");
        settings.put("plugins.selftest.timeout_ms", "1500");
    }

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * Starts the host on a mock 1.0.0 whose carrier is down ({@code outage}): inconclusive, it serves under
     * {@code on_inconclusive=keep}.
     */
    private void v1ServingWhileItsCarrierIsDown() throws Exception {
        settings.put("plugins.selftest.on_inconclusive", "keep");
        Path zip = TestPlugins.mockWithSwitches(elsewhere.resolve("v1"), "mock", "1.0.0", "outage=true\n");
        Files.copy(zip, plugins.resolve("carrier-mock-1.0.0.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        start();
    }

    private static void assertRefused(Reply reply, String reason) {
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains(reason), reply.text());
    }

    @Test
    void aV2ThatFailsWhereV1PassesAtTheSameMomentIsRefusedAsARegression() throws Exception {
        start();

        Reply refused = upload("2.0.0", "bad_credentials=true\n");

        assertRefused(refused, "refused as a regression, 1.0.0 serves on: 2.0.0 failed where 1.0.0 passed at the same moment");
        JsonNode mock = mock();
        assertEquals("1.0.0", mock.path("version").asText(), mock.toString());
        assertEquals("failed", mock.path("selftest").path("outcome").asText(), mock.toString());
        assertEquals("passed", mock.path("selftest").path("serving").path("outcome").asText(), mock.toString());
        assertEquals("1.0.0", mock.path("selftest").path("serving").path("version").asText(), mock.toString());
    }

    @Test
    void aV2ThatFailsWhileV1IsInconclusiveTooIsACarrierOutageAndV1ServesOn() throws Exception {
        v1ServingWhileItsCarrierIsDown();

        Reply refused = upload("2.0.0", "outage=true\nbad_credentials=true\n");

        assertRefused(refused, "the old version 1.0.0 was inconclusive in its self-test too: the carrier looks down, not the version");
        assertFalse(refused.text().contains("regression"), refused.text());
        JsonNode mock = mock();
        assertEquals("1.0.0", mock.path("version").asText(), mock.toString());
        assertEquals("STARTED", mock.path("state").asText(), mock.toString());
        assertEquals("inconclusive", mock.path("selftest").path("serving").path("outcome").asText(), mock.toString());
    }

    @Test
    void bothInconclusiveServeTheNewVersionUnderOnInconclusiveKeep() throws Exception {
        v1ServingWhileItsCarrierIsDown();

        Reply served = upload("2.0.0", "outage=true\n");

        assertEquals(200, served.status(), served.text());
        assertEquals("2.0.0", mock().path("version").asText(), mock().toString());
        assertEquals("inconclusive", mock().path("selftest").path("serving").path("outcome").asText(), mock().toString());
    }

    @Test
    void bothInconclusiveWhileTheCarrierIsDownKeepTheOldVersionByDefault() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        simulator = TelnyxSimulator.start(TelnyxSimulatorSettings.defaults().withApiKey(TELNYX_KEY).withPort(port)
                .withRateLimitResetSecs(0));
        TestPlugins.copyBuilt(plugins, "telnyx");
        settings.putAll(Map.of("carrier.telnyx.base_url", "http://127.0.0.1:" + port + "/v2", "carrier.telnyx.api_key", TELNYX_KEY,
                "carrier.telnyx.connection_id", "1293384261075731499",
                "carrier.telnyx.messaging_profile_id", "abc85f64-5717-4562-b3fc-2c9600000000"));
        host = TestHosts.startServing(plugins, data, settings, "telnyx");
        api = ApiClient.of(host);
        Path v2 = TestPlugins.rewrite(TestPlugins.builtZip("telnyx"), elsewhere.resolve("carrier-telnyx-2.0.0.zip"),
                Map.of("plugin.properties", text -> text.replaceAll("(?m)^plugin.version=.*$", "plugin.version=2.0.0")));
        simulator.close();
        simulator = null;

        Reply refused = api.send("POST", "/api/carriers", Files.readAllBytes(v2), "application/zip");

        assertRefused(refused, "the old version 1.0.0 was inconclusive in its self-test too: the carrier looks down");
        JsonNode telnyx = api.get("/api/carriers/telnyx").json();
        assertEquals("1.0.0", telnyx.path("version").asText(), telnyx.toString());
        assertEquals("inconclusive", telnyx.path("selftest").path("outcome").asText(), telnyx.toString());
        assertEquals("inconclusive", telnyx.path("selftest").path("serving").path("outcome").asText(), telnyx.toString());
    }

    @Test
    void aV2ThatFailsBesideAV1WithoutASelfTestIsJudgedAlone() throws Exception {
        TestPlugins.copyLocal(plugins);
        host = TestHosts.startServing(plugins, data, settings, "local");
        api = ApiClient.of(host);

        Reply refused = api.send("POST", "/api/carriers", Files.readAllBytes(TestPlugins.mockWithSwitches(elsewhere, "local", "2.0.0",
                "bad_credentials=true\n")), "application/zip");

        assertRefused(refused, "self-test failed: local 2.0.0 refused, 1.0.0 serves on");
        JsonNode local = api.get("/api/carriers/local").json();
        assertEquals("1.0.0", local.path("version").asText(), local.toString());
        assertEquals("not_implemented", local.path("selftest").path("serving").path("outcome").asText(), local.toString());
    }
}
