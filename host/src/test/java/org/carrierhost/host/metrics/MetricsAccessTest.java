package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.MockHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} needs a viewer's token unless {@code metrics.public=true}. */
class MetricsAccessTest {

    private static final String VIEWER = "viewer-secret-0123456789";

    @RegisterExtension
    final MockHost mock = new MockHost(Map.of("auth.token.prometheus", "viewer:" + VIEWER));

    @Test
    void withoutATokenTheAnswerIsTheStandard401() {
        Reply reply = mock.api().withToken(null).get("/metrics");
        assertEquals(401, reply.status(), reply.text());
        assertEquals("unauthorized", reply.error());
    }

    @Test
    void aViewersTokenReadsThePrometheusText() {
        Reply reply = mock.api().withToken(VIEWER).get("/metrics");
        assertEquals(200, reply.status(), reply.text());
        assertTrue(Scrape.parse(reply.text()).has("carrierhost_carrier_state"));
    }
}
