package org.carrierhost.host.http;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.simulator.BandwidthSimulator;
import org.carrierhost.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the Bandwidth-through-host tests: the real Bandwidth plugin zip, loaded through PF4J by a
 * host, pointed at a Bandwidth simulator on loopback HTTP.
 */
abstract class BandwidthHostFixture {

    static final String PASSWORD = "sim-password-7f3a";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    BandwidthSimulator simulator;
    CarrierHost host;

    @BeforeEach
    void start() throws Exception {
        simulator = BandwidthSimulator.start(SimulatorSettings.defaults().withCredentials("carrier", PASSWORD));
        TestPlugins.copyBuilt(plugins, "bandwidth");
        host = TestHosts.start(plugins, data, settings(PASSWORD));
    }

    Map<String, String> settings(String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("carrier.bandwidth.base_url", simulator.baseUrl());
        settings.put("carrier.bandwidth.account_id", simulator.settings().account());
        settings.put("carrier.bandwidth.username", "carrier");
        settings.put("carrier.bandwidth.password", password);
        settings.put("carrier.bandwidth.site_id", "1");
        settings.put("carrier.bandwidth.peer_id", "2");
        settings.put("carrier.bandwidth.order_poll_interval_ms", "10");
        return settings;
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
}
