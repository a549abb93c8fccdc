package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.simulator.Failure;
import org.carrierhost.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real Bandwidth plugin zip, loaded through PF4J by the host, against the Bandwidth simulator over
 * loopback HTTP: what an operator sees through the host's API.
 */
class BandwidthThroughHostTest extends BandwidthHostFixture {

    @Test
    void anAreaCodeSearchReturnsTheCarriersNumbersWithTheirRateCenters() {
        Reply reply = ApiClient.of(host).get("/api/numbers?prefix=973&quantity=2");

        assertEquals(200, reply.status(), reply.text());
        assertEquals(2, reply.json().path("numbers").size(), reply.text());
        for (JsonNode n : reply.json().path("numbers")) {
            assertTrue(n.path("number").asText().startsWith("+1973"), reply.text());
            assertEquals("bandwidth", n.path("carrier").asText());
            assertFalse(n.path("data").path("rate_center").asText().isEmpty(), reply.text());
        }
        RecordedRequest sent = simulator.lastRequest();
        assertEquals("973", sent.param("areaCode").orElseThrow());
        assertEquals("2", sent.param("quantity").orElseThrow());
    }

    @Test
    void anAcquireGoesThroughTheOrderAndStoresItsId() {
        ApiClient api = api();
        String number = offered("973");

        Reply acquired = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}");

        assertEquals(200, acquired.status(), acquired.text());
        assertEquals("in_service", acquired.json().path("state").asText());
        assertFalse(acquired.json().path("data").path("order_id").asText().isEmpty(), acquired.text());
        assertEquals(acquired.json().path("data").path("order_id"),
                api.get("/api/numbers/" + number).json().path("data").path("order_id"));
    }

    @Test
    void aFailedOrderIs502WithTheCarriersCodeInTheCause() {
        ApiClient api = api();
        String number = offered("973");
        simulator.failures().switchOn(Failure.ORDER_FAILED);

        Reply failed = api.post("/api/numbers/" + number + "/acquire", "{}");

        assertEquals(502, failed.status(), failed.text());
        assertEquals("carrier_fault", failed.error());
        assertEquals("bandwidth", failed.json().path("error").path("carrier").asText());
        assertTrue(failed.json().path("error").path("cause").asText().contains("5018"), failed.text());
        assertEquals("discovery", api.get("/api/numbers/" + number).json().path("state").asText());
    }

    @Test
    void theCarrierShowsItsConfigurationWithThePasswordMasked() {
        Reply reply = ApiClient.of(host).get("/api/carriers/bandwidth");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("STARTED", reply.json().path("state").asText());
        assertEquals("********", reply.json().path("config").path("password").asText());
        assertEquals(simulator.baseUrl(), reply.json().path("config").path("base_url").asText());
        assertFalse(reply.text().contains(PASSWORD), reply.text());
    }

    @Test
    void wrongCredentialsGiveAClearCredentialFreeErrorEntry() {
        host.close();
        host = TestHosts.start(plugins, data, settings("wrong-password-123"));

        Reply reply = ApiClient.of(host).get("/api/numbers?prefix=973&quantity=2");

        assertEquals(200, reply.status(), reply.text());
        JsonNode error = reply.json().path("errors").get(0);
        assertEquals("bandwidth", error.path("carrier").asText());
        assertEquals("carrier_unavailable", error.path("error").asText());
        assertTrue(error.path("message").asText().contains("authentication failed"), reply.text());
        assertFalse(reply.text().contains("wrong-password-123"), reply.text());
    }
}
