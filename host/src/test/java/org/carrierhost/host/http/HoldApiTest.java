package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds over real HTTP: the mock carrier holds numbers itself (its reservation switch on, 600 s by its own figure),
 * the local carrier cannot, so its numbers are held soft.
 */
class HoldApiTest {

    private static final String LOCAL_NUMBER = "+13035550100";

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("mock", "local").withHttp()
            .settings(Map.of("carrier.mock.reservations", "true", "carrier.mock.reservation_ttl_s", "600",
                    "numbers.hold_max_ttl_s", "7200", "numbers.hold_margin_s", "30"));

    @Test
    void aCarrierHoldEndsAtTheCarriersOwnExpiryLessTheMarginWhenThatIsEarlier() {
        ApiClient api = ApiClient.of(carriers.host());
        String number = offered(api, 1);

        JsonNode hold = ok(api.post("/api/holds", body(number, "acct-1", 1800))).json();

        JsonNode held = hold.path("numbers").get(0);
        assertEquals("carrier", held.path("kind").asText());
        assertEquals("mock", held.path("carrier").asText());
        Instant carrierEnd = Instant.parse(held.path("carrier_expires_at").asText());
        assertEquals(carrierEnd.minusSeconds(30), Instant.parse(held.path("expires_at").asText()));
        assertEquals(held.path("expires_at").asText(), hold.path("expires_at").asText());
        assertEquals("active", hold.path("state").asText());
    }

    @Test
    void aSoftHoldEndsAtTheAskedTtlCutToTheMaximum() {
        ApiClient api = ApiClient.of(carriers.host());
        ok(api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":[\"" + LOCAL_NUMBER + "\"]}"));

        JsonNode hold = ok(api.post("/api/holds", body(LOCAL_NUMBER, "acct-1", 100_000))).json();

        JsonNode held = hold.path("numbers").get(0);
        assertEquals("soft", held.path("kind").asText());
        assertTrue(held.path("carrier_expires_at").isNull());
        Duration ttl = Duration.between(Instant.parse(hold.path("created_at").asText()), Instant.parse(hold.path("expires_at").asText()));
        assertEquals(Duration.ofSeconds(7200), ttl, "cut to numbers.hold_max_ttl_s");
    }

    @Test
    void aHeldNumberIsLeftOutOfOtherAccountsSearchesOnly() {
        ApiClient api = ApiClient.of(carriers.host());
        ok(api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":[\"" + LOCAL_NUMBER + "\"]}"));
        ok(api.post("/api/holds", body(LOCAL_NUMBER, "acct-1", 600)));

        assertFalse(searchFinds(api, "acct-2"));
        assertFalse(searchFinds(api, null));
        assertTrue(searchFinds(api, "acct-1"));
    }

    @Test
    void anotherAccountsAcquireIs409NamingTheHoldAndTheHoldersConsumesItWithNoRelease() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        String number = offered(api, 2);
        String id = ok(api.post("/api/holds", body(number, "acct-1", 600))).json().path("id").asText();

        Reply other = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-2\"}");
        Reply holder = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\",\"hold_id\":\"" + id + "\"}");

        assertEquals(409, other.status(), other.text());
        assertTrue(other.json().path("error").path("message").asText().contains(id), other.text());
        assertEquals(200, holder.status(), holder.text());
        assertEquals("in_service", holder.json().path("state").asText());
        JsonNode hold = ok(api.get("/api/holds/" + id)).json();
        assertEquals("consumed", hold.path("state").asText());
        assertEquals(0.0, calls(host, "release"), "a consumed hold sends no release");
        assertEquals(1, TestHosts.eventCount(host, "hold-consumed", id));
    }

    @Test
    void extendMovesTheEndAndReleaseLetsTheNumberGoAtTheCarrier() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        String number = offered(api, 3);
        JsonNode hold = ok(api.post("/api/holds", body(number, "acct-1", 60))).json();
        String id = hold.path("id").asText();

        JsonNode extended = ok(api.post("/api/holds/" + id + "/extend", "{\"ttl_s\":300}")).json();
        JsonNode released = ok(api.send("DELETE", "/api/holds/" + id, new byte[0], "application/json")).json();

        assertTrue(Instant.parse(extended.path("expires_at").asText()).isAfter(Instant.parse(hold.path("expires_at").asText())));
        assertEquals("released", released.path("state").asText());
        assertEquals(1.0, calls(host, "release"));
        assertEquals(409, api.send("DELETE", "/api/holds/" + id, new byte[0], "application/json").status(), "a hold ends once");
        assertTrue(searchFinds(api, "acct-2", "%2B1212", number), "free again for anyone");
        for (String event : new String[] {"hold-created", "hold-extended", "hold-released"}) {
            assertEquals(1, TestHosts.eventCount(host, event, id), event);
        }
        assertTrue(ok(api.get("/metrics")).text().contains("carrierhost_holds_total{event=\"released\""));
    }

    @Test
    void aHeldNumberCannotBeHeldAgainByAnyone() {
        ApiClient api = ApiClient.of(carriers.host());
        String number = offered(api, 4);
        String id = ok(api.post("/api/holds", body(number, "acct-1", 600))).json().path("id").asText();

        Reply again = api.post("/api/holds", body(number, "acct-2", 600));

        assertEquals(409, again.status(), again.text());
        assertTrue(again.text().contains(id), again.text());
    }

    private static String body(String number, String account, long ttl) {
        return "{\"numbers\":[\"" + number + "\"],\"account_id\":\"" + account + "\",\"ttl_s\":" + ttl + "}";
    }

    private static String offered(ApiClient api, int offset) {
        return ok(api.get("/api/numbers?prefix=%2B1212&quantity=1&carriers=mock&offset=" + offset)).json()
                .path("numbers").get(0).path("number").asText();
    }

    private static boolean searchFinds(ApiClient api, String account) {
        return searchFinds(api, account, "%2B1303555", LOCAL_NUMBER);
    }

    private static boolean searchFinds(ApiClient api, String account, String prefix, String number) {
        return ok(api.get("/api/numbers?prefix=" + prefix + "&quantity=20" + (account == null ? "" : "&account_id=" + account)))
                .text().contains(number);
    }

    private static double calls(CarrierHost host, String operation) {
        var counter = host.meters().find("carrierhost.carrier.calls").tags("carrier", "mock", "operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
