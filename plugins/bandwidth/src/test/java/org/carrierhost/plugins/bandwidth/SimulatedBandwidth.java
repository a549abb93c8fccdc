package org.carrierhost.plugins.bandwidth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.simulator.BandwidthSimulator;
import org.carrierhost.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The fixture of the carrier tests: a real simulator on a free loopback port and carriers pointed at it. */
abstract class SimulatedBandwidth {

    static final String SITE = "4321";
    static final String PEER = "5678";

    BandwidthSimulator simulator;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = BandwidthSimulator.start(SimulatorSettings.defaults().withPollsUntilComplete(2)
                .withRateLimitResetMs(20));
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** The config pointing at the simulator, with short waits so tests stay fast. */
    Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("base_url", simulator.baseUrl());
        config.put("account_id", simulator.settings().account());
        config.put("username", simulator.settings().username());
        config.put("password", simulator.settings().password());
        config.put("site_id", SITE);
        config.put("peer_id", PEER);
        config.put("timeout_ms", "5000");
        config.put("order_poll_interval_ms", "10");
        config.put("order_timeout_ms", "2000");
        return config;
    }

    BandwidthCarrier carrier() {
        return carrier(config());
    }

    static BandwidthCarrier carrier(Map<String, String> config) {
        BandwidthCarrier carrier = new BandwidthCarrier();
        carrier.start(context(config));
        return carrier;
    }

    static CarrierContext context(Map<String, String> config) {
        return CarrierContext.of("bandwidth", new CarrierConfig(config), Path.of("target"), Optional.empty());
    }

    static NumberRecord number(String e164) {
        return new NumberRecord(e164, NumberState.DISCOVERY, "bandwidth", "acct-1", Map.of());
    }

    static String decodeBasic(String header) {
        return new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
    }
}
