package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} needs a viewer's token unless {@code metrics.public=true}. */
class MetricsAccessTest {

    private static final String VIEWER = "viewer-secret-0123456789";

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.mockOverHttp().setting("auth.token.prometheus", "viewer:" + VIEWER);

    @Test
    void withoutATokenTheAnswerIsTheStandard401() {
        Reply reply = api().withToken(null).get("/metrics");
        assertEquals(401, reply.status(), reply.text());
        assertEquals("unauthorized", reply.error());
    }

    @Test
    void withoutATokenTheAnswerSaysWhichRoleIsNeeded() {
        Reply reply = api().withToken("wrong-token-0123456789").get("/metrics");

        assertEquals(401, reply.status(), reply.text());
        assertEquals("missing or wrong token: this needs a viewer token", reply.json().path("error").path("message").asText());
        assertEquals("send Authorization: Bearer <token> with a token of role viewer, operator, admin",
                reply.json().path("error").path("cause").asText());
    }

    @Test
    void aViewersTokenReadsThePrometheusText() {
        Reply reply = api().withToken(VIEWER).get("/metrics");
        assertEquals(200, reply.status(), reply.text());
        assertTrue(Scrape.parse(reply.text()).has("carrierhost_carrier_state"));
    }

    private ApiClient api() {
        return ApiClient.of(carriers.host());
    }
}
