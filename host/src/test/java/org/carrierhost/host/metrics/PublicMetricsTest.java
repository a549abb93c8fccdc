package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.MockHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code metrics.public=true}, {@code GET /metrics} answers without a token; the API does not. */
class PublicMetricsTest {

    @RegisterExtension
    final MockHost mock = new MockHost(Map.of("metrics.public", "true"));

    @Test
    void metricsAnswerWithoutAToken() {
        Reply reply = mock.api().withToken(null).get("/metrics");
        assertEquals(200, reply.status(), reply.text());
        assertTrue(Scrape.parse(reply.text()).has("carrierhost_carrier_state"));
    }

    @Test
    void theApiStillNeedsAToken() {
        assertEquals(401, mock.api().withToken(null).get("/api/carriers").status());
    }
}
