package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code metrics.public=true}, {@code GET /metrics} answers without a token; the API does not. */
class PublicMetricsTest {

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.mockOverHttp().setting("metrics.public", "true");

    @Test
    void metricsAnswerWithoutAToken() {
        Reply reply = api().withToken(null).get("/metrics");
        assertEquals(200, reply.status(), reply.text());
        assertTrue(Scrape.parse(reply.text()).has("carrierhost_carrier_state"));
    }

    @Test
    void theApiStillNeedsAToken() {
        assertEquals(401, api().withToken(null).get("/api/carriers").status());
    }

    private ApiClient api() {
        return ApiClient.of(carriers.host());
    }
}
