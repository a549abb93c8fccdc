package org.carrierhost.host.http;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.simulator.telnyx.TelnyxSimulator;
import org.carrierhost.simulator.telnyx.TelnyxSimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the Telnyx-through-host tests: the real Telnyx plugin zip, loaded through PF4J by a host,
 * pointed at a Telnyx simulator on loopback HTTP.
 */
abstract class TelnyxHostFixture {

    static final String API_KEY = "KEYsim-telnyx-4e1c";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    TelnyxSimulator simulator;
    CarrierHost host;

    @BeforeEach
    void start() throws Exception {
        simulator = TelnyxSimulator.start(TelnyxSimulatorSettings.defaults().withApiKey(API_KEY).withRateLimitResetSecs(0));
        TestPlugins.copyBuilt(plugins, "telnyx");
        host = TestHosts.start(plugins, data, settings(Map.of()));
    }

    /** The carrier's settings against the simulator, with {@code extra} over them. */
    Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("carrier.telnyx.base_url", simulator.baseUrl());
        settings.put("carrier.telnyx.api_key", API_KEY);
        settings.put("carrier.telnyx.connection_id", "1293384261075731499");
        settings.put("carrier.telnyx.messaging_profile_id", "abc85f64-5717-4562-b3fc-2c9600000000");
        settings.put("carrier.telnyx.order_poll_interval_ms", "10");
        settings.putAll(extra);
        return settings;
    }

    /** Restarts the host with {@code extra} settings over the usual ones. */
    void restartWith(Map<String, String> extra) {
        host.close();
        host = TestHosts.start(plugins, data, settings(extra));
    }

    @AfterEach
    void stop() {
        host.close();
        simulator.close();
    }

    ApiClient api() {
        return ApiClient.of(host);
    }

    /** The first number a search for {@code prefix} offers. */
    String offered(String prefix) {
        return api().get("/api/numbers?prefix=" + prefix + "&quantity=1").json().path("numbers").get(0).path("number")
                .asText();
    }

    Reply acquire(String number) {
        return api().post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}");
    }

    static String cause(Reply reply) {
        return reply.json().path("error").path("cause").asText();
    }
}
