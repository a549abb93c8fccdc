package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.carrierhost.api.SelfTestResult.Outcome;
import org.junit.jupiter.api.Test;

/** Bandwidth's self-test against the simulator: configuration, credentials, a probe search and its parse. */
class BandwidthSelfTestTest extends SimulatedBandwidth {

    private static SelfTestResult selfTest(BandwidthCarrier carrier) {
        return carrier.selfTest(SelfTestRequest.direct(carrier));
    }

    @Test
    void passesAgainstTheSimulatorWithOneSearchAndNoOrder() {
        Map<String, String> config = config();
        config.put("probe_prefix", "+1973");

        SelfTestResult result = selfTest(carrier(config));

        assertEquals(Outcome.PASSED, result.outcome(), result.toString());
        assertEquals("GET", simulator.lastRequest().method(), "the probe is a search; nothing is ordered");
    }

    @Test
    void aProbePrefixWithoutStockIsInconclusiveNotFailed() {
        SelfTestResult result = selfTest(carrier());

        assertEquals(Outcome.INCONCLUSIVE, result.outcome(), result.toString());
    }

    @Test
    void aWrongPasswordFailsItsCredentials() {
        Map<String, String> config = config();
        config.put("password", "wrong");

        SelfTestResult result = selfTest(carrier(config));

        assertEquals(Outcome.FAILED, result.outcome(), result.toString());
        assertEquals("credentials", result.checks().get(1).name());
    }

    @Test
    void aMissingAccountFailsItsConfiguration() {
        Map<String, String> config = config();
        config.remove("account_id");

        SelfTestResult result = selfTest(carrier(config));

        assertEquals(Outcome.FAILED, result.outcome(), result.toString());
        assertEquals("configuration", result.checks().get(0).name());
    }
}
