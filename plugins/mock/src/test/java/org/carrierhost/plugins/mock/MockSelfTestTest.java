package org.carrierhost.plugins.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.carrierhost.api.SelfTestResult.Outcome;
import org.junit.jupiter.api.Test;

class MockSelfTestTest {

    private static SelfTestResult selfTest(Map<String, String> config) throws CarrierException {
        MockCarrier carrier = new MockCarrier();
        carrier.start(CarrierContext.of("mock", new CarrierConfig(config), Path.of("target"), Optional.empty()));
        return carrier.selfTest(SelfTestRequest.direct(carrier));
    }

    private static Outcome check(SelfTestResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().outcome();
    }

    @Test
    void passesItsLoginProbeSearchAndParseChecks() throws Exception {
        SelfTestResult result = selfTest(Map.of());

        assertEquals(Outcome.PASSED, result.outcome(), result.toString());
        assertEquals(4, result.checks().size());
    }

    @Test
    void badCredentialsFailTheCredentialsCheck() throws Exception {
        SelfTestResult result = selfTest(Map.of("bad_credentials", "true"));

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals(Outcome.FAILED, check(result, "credentials"));
    }

    @Test
    void aBrokenParserFailsTheParseCheck() throws Exception {
        SelfTestResult result = selfTest(Map.of("broken_parser", "true"));

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals(Outcome.FAILED, check(result, "parse"));
    }

    @Test
    void anAcquireItTriesEndsItWithTheRefusal() {
        CarrierException refused = assertThrows(CarrierException.class, () -> selfTest(Map.of("selftest_acquire", "true")));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, refused.code());
    }
}
