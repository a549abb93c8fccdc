package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds of Bandwidth numbers through the host, against the Bandwidth simulator: each number is one
 * {@code tnreservation}, the hold ends at the simulator's own {@code ReservationExpires} less the margin, and ending
 * the hold deletes the reservation.
 */
class BandwidthHoldTest extends BandwidthHostFixture {

    @Test
    void aHoldCarriesBandwidthsOwnExpiryAndItsReleaseDeletesTheReservation() {
        ApiClient api = api();
        String number = offered("919");
        Instant before = Instant.now();

        JsonNode hold = ok(api.post("/api/holds", "{\"numbers\":[\"" + number + "\"],\"account_id\":\"acct-1\",\"ttl_s\":14400}")).json();

        JsonNode held = hold.path("numbers").get(0);
        assertEquals("carrier", held.path("kind").asText(), hold.toString());
        Instant carrierEnd = Instant.parse(held.path("carrier_expires_at").asText());
        Duration byBandwidth = Duration.between(before, carrierEnd);
        assertTrue(byBandwidth.compareTo(Duration.ofHours(4).minusSeconds(5)) > 0 && byBandwidth.compareTo(Duration.ofHours(4).plusSeconds(5)) < 0,
                "Bandwidth's own four hours: " + byBandwidth);
        assertEquals(carrierEnd.minusSeconds(30), Instant.parse(held.path("expires_at").asText()), "its expiry less the margin");
        assertEquals(1, simulator.liveReservations());
        assertEquals(1, simulator.count("POST", "/tnreservation"));

        ok(api.send("DELETE", "/api/holds/" + hold.path("id").asText(), new byte[0], "application/json"));

        assertEquals(0, simulator.liveReservations());
        assertEquals(1, countDeletes());
    }

    @Test
    void aShortHoldEndsBeforeBandwidthsExpiryAndTheReaperDeletesTheReservation() {
        ApiClient api = api();
        String number = offered("919");
        JsonNode hold = ok(api.post("/api/holds", "{\"numbers\":[\"" + number + "\"],\"account_id\":\"acct-1\",\"ttl_s\":1}")).json();
        String id = hold.path("id").asText();

        org.carrierhost.host.Await.until(Duration.ofSeconds(15), () -> "expired".equals(api.get("/api/holds/" + id).json().path("state").asText()),
                () -> api.get("/api/holds/" + id).text());

        assertEquals(0, simulator.liveReservations());
        assertEquals(1, countDeletes());
    }

    @Test
    void aReservationBandwidthNoLongerKnowsCountsAsReleased() throws Exception {
        ApiClient api = api();
        JsonNode hold = ok(api.post("/api/holds", "{\"numbers\":[\"" + offered("919") + "\"],\"account_id\":\"acct-1\",\"ttl_s\":600}")).json();
        String reservation = simulator.requests().stream().filter(r -> r.method().equals("GET") && r.path().contains("/tnreservation/"))
                .findFirst().orElseThrow().path();
        // Deleted at Bandwidth behind the host's back (its portal, another client).
        java.net.http.HttpResponse<String> gone = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(simulator.baseUrl().replaceAll("/api/?$", "") + reservation)).DELETE().header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("carrier:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, gone.statusCode(), gone.body());

        Reply released = api.send("DELETE", "/api/holds/" + hold.path("id").asText(), new byte[0], "application/json");

        assertEquals(200, released.status(), released.text());
        assertEquals("released", released.json().path("state").asText());
        assertEquals(2, countDeletes(), "ours was answered 404, which is released");
    }

    private long countDeletes() {
        return simulator.requests().stream().filter(r -> r.method().equals("DELETE") && r.path().contains("/tnreservation/")).count();
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
