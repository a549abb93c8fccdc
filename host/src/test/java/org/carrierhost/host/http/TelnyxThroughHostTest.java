package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.simulator.telnyx.TelnyxSimulator;
import org.carrierhost.simulator.telnyx.TelnyxSwitch;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real Telnyx plugin zip, loaded through PF4J by the host, against the Telnyx simulator over loopback HTTP:
 * search, acquire, disconnect and the order outcomes, as an operator sees them through the host's API.
 */
class TelnyxThroughHostTest extends TelnyxHostFixture {

    @Test
    void aSearchOf1312ReturnsTelnyxOffersWithTheirRegionCostAndFeatures() {
        Reply reply = api().get("/api/numbers?prefix=%2B1312&quantity=3");

        assertEquals(200, reply.status(), reply.text());
        assertEquals(3, reply.json().path("numbers").size(), reply.text());
        for (JsonNode n : reply.json().path("numbers")) {
            assertTrue(n.path("number").asText().startsWith("+1312"), reply.text());
            assertEquals("telnyx", n.path("carrier").asText());
            assertEquals("IL", n.path("data").path("state").asText(), reply.text());
            assertEquals("USD", n.path("data").path("currency").asText(), reply.text());
            assertTrue(n.path("data").path("features").toString().contains("voice"), reply.text());
        }
        TelnyxSimulator.Received sent = simulator.lastRequest();
        assertEquals("312", sent.params().get("filter[national_destination_code]"));
        assertEquals("US", sent.params().get("filter[country_code]"));
        assertEquals("3", sent.params().get("filter[limit]"));
        assertEquals(0, reply.json().path("errors").size(), reply.text());
    }

    @Test
    void aSearchWhoseTotalsComeUnderMetadataRatherThanMetaFindsTheOffersAlike() {
        simulator.switches().switchOn(TelnyxSwitch.METADATA_ENVELOPE);

        Reply reply = api().get("/api/numbers?prefix=1773&quantity=2");

        assertEquals(2, reply.json().path("numbers").size(), reply.text());
        assertEquals(0, reply.json().path("errors").size(), reply.text());
    }

    @Test
    void anOffsetIsServedHereSinceTelnyxDoesNotPage() {
        String first = api().get("/api/numbers?prefix=1312&quantity=2&carriers=telnyx").json().path("numbers").get(1)
                .path("number").asText();

        Reply second = api().get("/api/numbers?prefix=1312&quantity=1&offset=1&carriers=telnyx");

        assertEquals(first, second.json().path("numbers").get(0).path("number").asText(), second.text());
        assertEquals("2", simulator.lastRequest().params().get("filter[limit]"), "asked for the skipped number too");
    }

    @Test
    void anAcquireCompletesAfterPollingAndKeepsTheOrderIdAndThePhoneNumberId() {
        String number = offered("1312");

        Reply acquired = acquire(number);

        assertEquals(200, acquired.status(), acquired.text());
        assertEquals("in_service", acquired.json().path("state").asText());
        JsonNode data = api().get("/api/numbers/" + number).json().path("data");
        String orderId = data.path("order_id").asText();
        assertFalse(orderId.isEmpty(), data.toString());
        assertFalse(data.path("phone_number_id").asText().isEmpty(), data.toString());
        assertTrue(simulator.count("GET", "/v2/number_orders/" + orderId) >= 2, "polled until it left pending");
        assertEquals(1, simulator.inventory().timesHeld(number));
        String body = simulator.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow().body();
        assertTrue(body.contains("\"connection_id\":\"1293384261075731499\"") && body.contains("messaging_profile_id")
                && body.contains("\"customer_reference\":\"carrier-host:" + number + "\""), body);
    }

    @Test
    void aDisconnectReleasesTheNumberAtTelnyxByItsKeptId() {
        String number = offered("1312");
        acquire(number);
        String id = api().get("/api/numbers/" + number).json().path("data").path("phone_number_id").asText();

        Reply released = api().post("/api/numbers/" + number + "/disconnect", "{}");

        assertEquals(200, released.status(), released.text());
        assertEquals("released", released.json().path("state").asText());
        assertEquals(1, simulator.count("DELETE", "/v2/phone_numbers/" + id));
        assertEquals(0, simulator.inventory().timesHeld(number));
        assertTrue(simulator.inventory().isForSale(number), "back in Telnyx's stock");
    }

    @Test
    void aNumberOutsideThePrefixIsDroppedAndReportedInTheCarriersEntry() {
        simulator.switches().switchOn(TelnyxSwitch.IGNORE_FILTERS);

        Reply reply = api().get("/api/numbers?prefix=1415&quantity=5");

        assertEquals(200, reply.status(), reply.text());
        for (JsonNode n : reply.json().path("numbers")) {
            assertTrue(n.path("number").asText().startsWith("+1415"), reply.text());
        }
        JsonNode entry = reply.json().path("errors").get(0);
        assertEquals("telnyx", entry.path("carrier").asText(), reply.text());
        assertTrue(entry.path("cause").asText().contains("left out"), reply.text());
    }

    @Test
    void aFailedOrderIs502WithTheOrderAndTheNumbersStatusInTheCause() {
        String number = offered("1312");
        simulator.switches().switchOn(TelnyxSwitch.ORDER_FAILED);

        Reply failed = acquire(number);

        assertEquals(502, failed.status(), failed.text());
        assertEquals("carrier_fault", failed.error());
        assertEquals("telnyx", failed.json().path("error").path("carrier").asText());
        assertTrue(cause(failed).contains(number + " status failure"), failed.text());
        assertEquals("discovery", api().get("/api/numbers/" + number).json().path("state").asText());
    }

    @Test
    void ofTwoNumbersOrderedWhileOneOfTwoFailsTheFirstIsBoughtAndTheSecondFails() {
        simulator.switches().switchOn(TelnyxSwitch.FAIL_ONE_OF_TWO);
        JsonNode two = api().get("/api/numbers?prefix=1773&quantity=2").json().path("numbers");

        Reply first = acquire(two.get(0).path("number").asText());
        Reply second = acquire(two.get(1).path("number").asText());

        assertEquals(200, first.status(), first.text());
        assertEquals(502, second.status(), second.text());
        assertTrue(cause(second).contains("status failure"), second.text());
    }

    @Test
    void anOrderPendingForeverIs504TelnyxOrderStateUnknownNamingTheOrder() {
        restartWith(Map.of("carrier.telnyx.order_timeout_ms", "200"));
        String number = offered("1312");
        simulator.switches().switchOn(TelnyxSwitch.NEVER_COMPLETE);

        Reply reply = acquire(number);

        assertEquals(504, reply.status(), reply.text());
        assertEquals("timeout", reply.error());
        assertEquals("telnyx order state unknown", reply.json().path("error").path("message").asText(), reply.text());
        String orderId = simulator.requests().stream().filter(r -> r.path().startsWith("/v2/number_orders/"))
                .reduce((a, b) -> b).orElseThrow().path().substring("/v2/number_orders/".length());
        assertTrue(cause(reply).contains(orderId) && cause(reply).contains("still pending"), reply.text());
        JsonNode record = api().get("/api/numbers/" + number).json();
        assertEquals("discovery", record.path("state").asText(), record.toString());
        assertEquals(orderId, record.path("data").path("order_id").asText(), "the order id is kept: " + record);
        assertEquals("carrier-host:" + number, record.path("data").path("customer_reference").asText(), record.toString());
    }

    @Test
    void a5xxOnTheOrderPostThenARetryBuysTheNumberOnce() {
        restartWith(Map.of("carrier.telnyx.order_timeout_ms", "200"));
        String number = offered("1312");
        simulator.switches().switchOn(TelnyxSwitch.ORDER_POST_5XX);
        simulator.switches().switchOn(TelnyxSwitch.NEVER_COMPLETE);

        Reply first = acquire(number);
        simulator.switches().clear();
        Reply retry = acquire(number);

        assertEquals(504, first.status(), first.text());
        assertEquals(200, retry.status(), retry.text());
        assertEquals(1, simulator.count("POST", "/v2/number_orders"), "the order was posted once");
        assertEquals(1, simulator.inventory().timesHeld(number), "bought once");
    }

    @Test
    void a5xxOnTheOrderPostIsFollowedByALookupNotASecondPost() {
        String number = offered("1312");
        simulator.switches().switchOn(TelnyxSwitch.ORDER_POST_5XX);

        Reply acquired = acquire(number);

        assertEquals(200, acquired.status(), acquired.text());
        assertEquals(1, simulator.count("POST", "/v2/number_orders"));
        assertEquals(1, simulator.inventory().timesHeld(number));
    }

    @Test
    void theCarrierShowsItsConfigurationWithTheApiKeyMasked() {
        Reply reply = api().get("/api/carriers/telnyx");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("STARTED", reply.json().path("state").asText());
        assertEquals("********", reply.json().path("config").path("api_key").asText());
        assertEquals(simulator.baseUrl(), reply.json().path("config").path("base_url").asText());
        assertFalse(reply.text().contains(API_KEY), reply.text());
    }

    @Test
    void anUnconfiguredCarrierStartsAndNamesWhatIsMissing() {
        host.close();
        host = TestHosts.start(plugins, data, Map.of());

        Reply reply = api().get("/api/numbers?prefix=1312&quantity=2&carriers=telnyx");

        JsonNode carrier = api().get("/api/carriers/telnyx").json();
        assertEquals("STARTED", carrier.path("state").asText());
        assertFalse(carrier.path("configured").asBoolean(), carrier.toString());
        assertEquals("not_configured", carrier.path("health").asText(), carrier.toString());
        JsonNode entry = reply.json().path("errors").get(0);
        assertEquals("carrier_unavailable", entry.path("error").asText(), reply.text());
        assertEquals("telnyx is not configured", entry.path("message").asText(), reply.text());
        assertTrue(entry.path("cause").asText().contains("missing api_key"), reply.text());
    }
}
