package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.carrierhost.host.Await;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Periodic self-tests of the version that serves ({@code carrier.<id>.selftest.interval_ms}), on mock 1.0.0 over HTTP. */
class PeriodicSelfTestTest extends MockUpgrades {

    private static final String PERIODIC = "mock 1.0.0 (periodic)";

    private void awaitPeriodicRuns(int runs) {
        Await.until(Duration.ofSeconds(15), () -> TestHosts.eventCount(host, "selftest", PERIODIC) >= runs,
                () -> TestHosts.eventCount(host, "selftest", PERIODIC) + " periodic self-tests");
    }

    @Test
    void theServingVersionIsSelfTestedEveryIntervalAsItsLastSelftestAnEventAndACall() {
        settings.put("carrier.mock.selftest.interval_ms", "300");
        start();

        awaitPeriodicRuns(2);

        JsonNode selftest = mock().path("selftest");
        assertEquals("periodic", selftest.path("purpose").asText(), selftest.toString());
        assertEquals("passed", selftest.path("outcome").asText(), selftest.toString());
        String metrics = api.get("/metrics").text();
        assertTrue(metrics.contains("operation=\"selftest\""), "the selftest calls are in the metrics");
    }

    @Test
    void aPeriodicSelfTestThatFailsIsShownAndTheVersionServesOn() {
        settings.put("carrier.mock.selftest.interval_ms", "300");
        settings.put("carrier.mock.bad_credentials", "true");
        start();

        awaitPeriodicRuns(1);

        JsonNode mock = mock();
        assertEquals("failed", mock.path("selftest").path("outcome").asText(), mock.toString());
        assertEquals("STARTED", mock.path("state").asText(), mock.toString());
        assertEquals(5, api.get("/api/numbers?prefix=415&quantity=5").json().path("numbers").size());
    }

    @Test
    void noCarrierIsSelfTestedPeriodicallyByDefault() throws Exception {
        start();

        Thread.sleep(1000);

        assertEquals(0, TestHosts.eventCount(host, "selftest", PERIODIC));
    }
}
