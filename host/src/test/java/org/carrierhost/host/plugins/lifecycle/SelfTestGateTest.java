package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.RunsAlone;
import org.junit.jupiter.api.Test;

/**
 * A new version of a serving carrier self-tested before it takes traffic ({@code plugins.selftest.before_serving}), in
 * the host's process: the refusals under load of {@link SelfTestRefusals}, and what passes, hangs or is inconclusive.
 */
@RunsAlone
class SelfTestGateTest extends SelfTestRefusals {

    @Test
    void aV2WhoseSelfTestPassesTakesOver() throws Exception {
        start();

        Reply upgraded = upload("2.0.0", "");

        assertEquals(200, upgraded.status(), upgraded.text());
        assertEquals("2.0.0", mock().path("version").asText());
        assertEquals("passed", mock().path("selftest").path("outcome").asText(), mock().toString());
        assertEquals("activation", mock().path("selftest").path("purpose").asText());
    }

    @Test
    void aV2WhoseSelfTestHangsIsRefusedAtItsDeadlineUnderOnInconclusiveRefuse() throws Exception {
        start();
        long began = System.nanoTime();

        Reply refused = upload("2.0.0", "selftest_hang=true\n");

        long tookMs = (System.nanoTime() - began) / 1_000_000;
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("self-test inconclusive"), refused.text());
        assertTrue(tookMs < 10_000, "answered at the deadline, not later: " + tookMs + " ms");
        assertEquals("1.0.0", mock().path("version").asText());
        assertEquals("deadline", mock().path("selftest").path("checks").path(0).path("name").asText(), mock().toString());
    }

    @Test
    void aCarrierOutageDuringV2sSelfTestIsInconclusiveAndKeepsV1() throws Exception {
        start();

        Reply refused = upload("2.0.0", "outage=true\n");

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("self-test inconclusive"), refused.text());
        assertEquals("1.0.0", mock().path("version").asText());
        assertEquals("inconclusive", mock().path("selftest").path("outcome").asText(), mock().toString());
    }

    @Test
    void aV2WhoseSelfTestIsInconclusiveServesUnderOnInconclusiveKeep() throws Exception {
        settings.put("plugins.selftest.on_inconclusive", "keep");
        start();

        Reply kept = upload("2.0.0", "selftest_hang=true\n");

        assertEquals(200, kept.status(), kept.text());
        assertEquals("2.0.0", mock().path("version").asText());
        assertEquals("inconclusive", mock().path("selftest").path("outcome").asText());
    }
}
