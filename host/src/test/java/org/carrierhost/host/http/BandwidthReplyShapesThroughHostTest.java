package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.simulator.Failure;
import org.junit.jupiter.api.Test;

/**
 * Each published reply shape that the Bandwidth carrier once misread, answered by the simulator under its
 * switch, through the host's HTTP API: the order completes or its id is kept with an honest error, the
 * carrier's code is in {@code cause}, and offers are found.
 */
class BandwidthReplyShapesThroughHostTest extends BandwidthHostFixture {

    private String cause(Reply reply) {
        return reply.json().path("error").path("cause").asText();
    }

    /** The id of the last order or disconnect the carrier polled. */
    private String lastPolledId() {
        String path = simulator.lastRequest().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private String acquired(String number) {
        Reply acquired = api().post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}");
        assertEquals(200, acquired.status(), acquired.text());
        return acquired.json().path("data").path("order_id").asText();
    }

    @Test
    void anOrderPlacedWithoutOrderStatusIsPolledByItsIdAndCompletes() {
        String number = offered("973");
        simulator.failures().switchOn(Failure.ORDER_PLACED_WITHOUT_STATUS);

        String orderId = acquired(number);

        assertFalse(orderId.isEmpty());
        assertTrue(simulator.count("GET", "/orders/" + orderId) > 0, "polled by the id the placement gave");
        assertEquals("in_service", api().get("/api/numbers/" + number).json().path("state").asText());
    }

    @Test
    void anOrderWhoseStatusReadsNeverSayItsStateIs504NamingTheOrderAsUnknown() {
        host.close();
        Map<String, String> settings = settings(PASSWORD);
        settings.put("carrier.bandwidth.order_timeout_ms", "200");
        host = TestHosts.start(plugins, data, settings);
        String number = offered("973");
        simulator.failures().switchOn(Failure.ORDER_STATUS_MISSING);
        simulator.failures().switchOn(Failure.ORDER_PENDING);

        Reply reply = api().post("/api/numbers/" + number + "/acquire", "{}");

        assertEquals(504, reply.status(), reply.text());
        assertEquals("timeout", reply.error());
        assertTrue(cause(reply).contains(lastPolledId()) && cause(reply).contains("state is unknown"), reply.text());
    }

    @Test
    void anOrderRefusedWithAnErrorListIs502WithCode5016AndItsDescriptionInTheCause() {
        String number = offered("973");
        simulator.failures().switchOn(Failure.ORDER_REJECTED);

        Reply reply = api().post("/api/numbers/" + number + "/acquire", "{}");

        assertEquals(502, reply.status(), reply.text());
        assertEquals("carrier_fault", reply.error());
        assertTrue(cause(reply).contains("5016: The SiteId submitted is invalid."), reply.text());
    }

    @Test
    void aDisconnectRefusedWithAnErrorListIs502WithItsCodeInTheCause() {
        String number = offered("973");
        acquired(number);
        simulator.failures().switchOn(Failure.DISCONNECT_REJECTED);

        Reply reply = api().post("/api/numbers/" + number + "/disconnect", "{}");

        assertEquals(502, reply.status(), reply.text());
        assertTrue(cause(reply).contains("54321: Some error description"), reply.text());
    }

    @Test
    void aDisconnectPlacedWithoutOrderStatusIsPolledAndReleasesTheNumber() {
        String number = offered("973");
        acquired(number);
        simulator.failures().switchOn(Failure.DISCONNECT_PLACED_WITHOUT_STATUS);

        Reply reply = api().post("/api/numbers/" + number + "/disconnect", "{}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("released", reply.json().path("state").asText(), reply.text());
        assertTrue(simulator.count("GET", "/disconnects/" + lastPolledId()) > 0);
    }

    @Test
    void aSearchWhoseDetailRowsUseTelephoneNumberFindsTheOffers() {
        simulator.failures().switchOn(Failure.SEARCH_DETAIL_TELEPHONE_NUMBER);

        Reply reply = api().get("/api/numbers?prefix=973&quantity=2");

        assertEquals(200, reply.status(), reply.text());
        assertEquals(2, reply.json().path("numbers").size(), reply.text());
        assertEquals(0, reply.json().path("errors").size(), reply.text());
    }
}
