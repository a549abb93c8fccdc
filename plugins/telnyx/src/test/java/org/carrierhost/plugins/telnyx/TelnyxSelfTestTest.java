package org.carrierhost.plugins.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.carrierhost.api.SelfTestResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Telnyx's self-test against replayed Telnyx replies: configuration, credentials, a probe search and its parse. */
class TelnyxSelfTestTest {

    private ReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SelfTestResult selfTest(TelnyxCarrier carrier) {
        return carrier.selfTest(SelfTestRequest.direct(carrier));
    }

    @Test
    void passesWhenItsProbeSearchReadsTheReply() {
        server.on("GET available_phone_numbers", 200, "search-meta.json");

        SelfTestResult result = selfTest(Carriers.started(server.baseUrl(), Map.of("probe_prefix", "+1312")));

        assertEquals(Outcome.PASSED, result.outcome(), result.toString());
        assertEquals(1, server.count("GET"), "one search, and nothing ordered");
    }

    @Test
    void refusedCredentialsFailIt() {
        server.on("GET available_phone_numbers", 401, "error-10009.json");

        SelfTestResult result = selfTest(Carriers.started(server.baseUrl(), Map.of()));

        assertEquals(Outcome.FAILED, result.outcome(), result.toString());
        assertEquals("credentials", result.checks().get(1).name());
    }

    @Test
    void aMissingKeyFailsItsConfigurationWithoutCallingTelnyx() {
        SelfTestResult result = selfTest(Carriers.started(server.baseUrl(), Map.of("api_key", "")));

        assertEquals(Outcome.FAILED, result.outcome(), result.toString());
        assertEquals("configuration", result.checks().get(0).name());
        assertEquals(0, server.requests().size());
    }
}
