package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds of Telnyx numbers through the host, against the Telnyx simulator: each number is one
 * {@code number_reservation}, the hold ends at that number's own {@code expired_at} less the margin, and ending the
 * hold sends nothing, since Telnyx has no early release (the reservation lapses by itself, and is the account's own).
 */
class TelnyxHoldTest extends TelnyxHostFixture {

    @Test
    void aHoldCarriesTelnyxsOwnExpiredAtAndItsReleaseSendsNoCall() {
        ApiClient api = api();
        String number = offered("312");
        Instant before = Instant.now();

        JsonNode hold = ok(api.post("/api/holds", "{\"numbers\":[\"" + number + "\"],\"account_id\":\"acct-1\",\"ttl_s\":3600}")).json();

        JsonNode held = hold.path("numbers").get(0);
        assertEquals("carrier", held.path("kind").asText(), hold.toString());
        Instant carrierEnd = Instant.parse(held.path("carrier_expires_at").asText());
        Duration byTelnyx = Duration.between(before, carrierEnd);
        assertTrue(byTelnyx.compareTo(Duration.ofMinutes(30).minusSeconds(5)) > 0 && byTelnyx.compareTo(Duration.ofMinutes(30).plusSeconds(5)) < 0,
                "Telnyx's own thirty minutes: " + byTelnyx);
        assertEquals(carrierEnd.minusSeconds(30), Instant.parse(held.path("expires_at").asText()), "its expired_at less the margin");
        assertEquals(1, simulator.count("POST", "/v2/number_reservations"));

        JsonNode released = ok(api.send("DELETE", "/api/holds/" + hold.path("id").asText(), new byte[0], "application/json")).json();

        assertEquals("released", released.path("state").asText());
        assertEquals(1, reservationCalls(), "no call after the reservation: Telnyx has none that ends it early");
    }

    @Test
    void anotherAccountIsRefusedAndTheHoldersAcquireWithItsHoldIdBuysTheNumber() {
        ApiClient api = api();
        String number = offered("312");
        String id = ok(api.post("/api/holds", "{\"numbers\":[\"" + number + "\"],\"account_id\":\"acct-1\",\"ttl_s\":600}")).json()
                .path("id").asText();

        Reply refused = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-2\"}");
        Reply bought = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\",\"hold_id\":\"" + id + "\"}");

        assertEquals(409, refused.status(), refused.text());
        assertTrue(refused.text().contains(id), "names the hold: " + refused.text());
        assertEquals(200, bought.status(), bought.text());
        assertEquals("in_service", bought.json().path("state").asText());
        assertEquals(1, simulator.inventory().timesHeld(number));
        assertEquals("consumed", api.get("/api/holds/" + id).json().path("state").asText());
        assertEquals(1, reservationCalls(), "a consumed hold sends no release");
    }

    @Test
    void aShortHoldEndsLongBeforeTelnyxsExpiryByTheReaperWithoutACall() {
        ApiClient api = api();
        String id = ok(api.post("/api/holds", "{\"numbers\":[\"" + offered("312") + "\"],\"account_id\":\"acct-1\",\"ttl_s\":1}")).json()
                .path("id").asText();

        Await.until(Duration.ofSeconds(15), () -> "expired".equals(api.get("/api/holds/" + id).json().path("state").asText()),
                () -> api.get("/api/holds/" + id).text());

        assertEquals(1, reservationCalls());
    }

    @Test
    void anExtensionPastTelnyxsExpiryExtendsTheReservationThereAndOneWithinItSendsNothing() throws Exception {
        ApiClient api = api();
        JsonNode hold = ok(api.post("/api/holds", "{\"numbers\":[\"" + offered("312") + "\"],\"account_id\":\"acct-1\",\"ttl_s\":60}")).json();
        String id = hold.path("id").asText();
        Instant firstEnd = Instant.parse(hold.path("numbers").get(0).path("carrier_expires_at").asText());

        ok(api.post("/api/holds/" + id + "/extend", "{\"ttl_s\":120}"));
        assertEquals(0, extensions(), "within Telnyx's expiry");
        Thread.sleep(1100);
        JsonNode extended = ok(api.post("/api/holds/" + id + "/extend", "{\"ttl_s\":3600}")).json().path("numbers").get(0);

        assertEquals(1, extensions());
        Instant carrierEnd = Instant.parse(extended.path("carrier_expires_at").asText());
        assertTrue(carrierEnd.isAfter(firstEnd), firstEnd + " then " + carrierEnd);
        assertEquals(carrierEnd.minusSeconds(30), Instant.parse(extended.path("expires_at").asText()), "the new expired_at less the margin");
    }

    private long extensions() {
        return simulator.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/actions/extend")).count();
    }

    private long reservationCalls() {
        return simulator.requests().stream().filter(r -> r.path().startsWith("/v2/number_reservations")).count();
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
