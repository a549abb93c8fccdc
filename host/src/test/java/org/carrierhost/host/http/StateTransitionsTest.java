package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The table of moves at {@code GET /api/states}, tried pair by pair over real HTTP: for every (from, to) pair
 * of states, a number of the mock (remote) or local carrier is put in {@code from} and asked to move to
 * {@code to}. A move of the table succeeds with exactly the carrier call the table names (counted by the
 * host's call meters); every other pair, and every move of the table tried on the wrong kind of carrier or with
 * aging the wrong way, answers 409 with no carrier call.
 */
class StateTransitionsTest {

    private static final String ACCOUNT = "acct-t";

    /** Aging off. */
    @RegisterExtension
    final CarrierHostExtension plain = TestHosts.withCarriers("mock", "local").withHttp();

    /** Aging on for every carrier, for longer than the test: its reaper moves nothing while calls are counted. */
    @RegisterExtension
    final CarrierHostExtension aging = TestHosts.withCarriers("mock", "local").withHttp()
            .settings(Map.of("numbers.aging_ms", "600000", "numbers.reaper_ms", "200"));

    /** Aging on, for the reaper's moves only, so no other test's aging number is reaped while they are counted. */
    @RegisterExtension
    final CarrierHostExtension reaping = TestHosts.withCarriers("mock", "local").withHttp()
            .settings(Map.of("numbers.aging_ms", "1500", "numbers.reaper_ms", "200"));

    private final AtomicInteger fresh = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyPairOfStatesMovesAsTheTableSaysOrIs409() {
        JsonNode table = ApiClient.of(plain.host()).get("/api/states").json();
        List<String> states = new ArrayList<>();
        table.path("states").forEach(s -> states.add(s.asText()));
        assertTrue(states.containsAll(List.of("discovery", "available", "reserved", "in_service", "released", "aging", "port_in")),
                states.toString());
        List<DynamicTest> tests = new ArrayList<>();
        for (String from : states) {
            for (String to : states) {
                JsonNode row = row(table, from, to);
                if (row == null) {
                    tests.add(DynamicTest.dynamicTest(from + " -> " + to + " is refused", () -> refusedEverywhere(from, to)));
                } else {
                    tests.add(DynamicTest.dynamicTest(from + " -> " + to + " by " + row.path("by").asText() + " calls "
                            + row.path("call").asText(), () -> movesAsListed(row)));
                }
            }
        }
        return tests.stream();
    }

    private void movesAsListed(JsonNode row) {
        String from = row.path("from").asText();
        String to = row.path("to").asText();
        boolean local = row.path("carriers").asText().equals("local") || from.equals("available");
        boolean agingHost = row.path("aging").asText().equals("on") || from.equals("aging");
        boolean reaper = row.path("by").asText().equals("reaper");
        CarrierHost host = (reaper ? reaping : agingHost ? aging : plain).host();
        String carrier = local ? "local" : "mock";
        String number = numberIn(host, from, local);
        double acquires = calls(host, carrier, "acquire");
        double disconnects = calls(host, carrier, "disconnect");

        if (reaper) {
            Reply refused = move(host, number, to);
            assertEquals(409, refused.status(), refused.text());
            Await.until(Duration.ofSeconds(20), () -> to.equals(state(host, number)), () -> number + " is " + state(host, number));
        } else {
            Reply moved = move(host, number, to);
            assertEquals(200, moved.status(), moved.text());
            assertEquals(to, moved.json().path("state").asText());
        }

        String call = row.path("call").asText();
        assertEquals(call.equals("acquire") ? 1.0 : 0.0, calls(host, carrier, "acquire") - acquires, "acquire calls");
        assertEquals(call.equals("disconnect") ? 1.0 : 0.0, calls(host, carrier, "disconnect") - disconnects, "disconnect calls");
        assertEquals(to, state(host, number));
        // The same move on the other kind of carrier, or with aging the other way, is refused.
        if (!row.path("carriers").asText().equals("any") && possible(from, !local)) {
            refused(agingHost ? aging.host() : plain.host(), from, to, !local);
        }
        if (!row.path("aging").asText().equals("any")) {
            refused(agingHost ? plain.host() : aging.host(), from, to, local);
        }
    }

    private void refusedEverywhere(String from, String to) {
        for (boolean local : new boolean[] {false, true}) {
            if (possible(from, local)) {
                refused((from.equals("aging") ? aging : plain).host(), from, to, local);
            }
        }
    }

    private void refused(CarrierHost host, String from, String to, boolean local) {
        String carrier = local ? "local" : "mock";
        String number = numberIn(host, from, local);
        double acquires = calls(host, carrier, "acquire");
        double disconnects = calls(host, carrier, "disconnect");

        Reply reply = move(host, number, to);

        assertEquals(409, reply.status(), carrier + " " + from + " -> " + to + ": " + reply.text());
        assertEquals("invalid_state_transition", reply.error(), reply.text());
        assertEquals(from, state(host, number), "the number stays where it was");
        assertEquals(0.0, calls(host, carrier, "acquire") - acquires, "no acquire call");
        assertEquals(0.0, calls(host, carrier, "disconnect") - disconnects, "no disconnect call");
    }

    /** Whether a number of a local (or remote) carrier can be in {@code state}. */
    private static boolean possible(String state, boolean local) {
        return switch (state) {
            case "discovery", "released" -> !local;
            case "available" -> local;
            default -> true;
        };
    }

    /** A number of the local or mock carrier, new to this test, put in {@code state} through the API. */
    private String numberIn(CarrierHost host, String state, boolean local) {
        ApiClient api = ApiClient.of(host);
        String number = local ? importedLocal(api) : offered(api);
        switch (state) {
            case "discovery", "available" -> { }
            case "reserved" -> ok(api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"" + ACCOUNT + "\",\"state\":\"reserved\"}"));
            case "in_service" -> ok(api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"" + ACCOUNT + "\"}"));
            case "released", "aging" -> {
                ok(api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"" + ACCOUNT + "\"}"));
                ok(api.post("/api/numbers/" + number + "/disconnect", ""));
            }
            case "port_in" -> {
                number = "+1404555" + String.format("%04d", fresh.incrementAndGet());
                ok(api.post("/api/numbers/import", "{\"carrier\":\"" + (local ? "local" : "mock") + "\",\"numbers\":[\"" + number
                        + "\"],\"state\":\"port_in\"}"));
            }
            default -> throw new AssertionError("no way to put a number in " + state);
        }
        assertEquals(state, state(host, number), "set-up of " + number);
        return number;
    }

    private String offered(ApiClient api) {
        Reply found = ok(api.get("/api/numbers?prefix=%2B1202&quantity=1&carriers=mock&offset=" + fresh.incrementAndGet()));
        return found.json().path("numbers").get(0).path("number").asText();
    }

    private String importedLocal(ApiClient api) {
        String number = "+1303555" + String.format("%04d", fresh.incrementAndGet());
        ok(api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":[\"" + number + "\"]}"));
        return number;
    }

    private static Reply move(CarrierHost host, String number, String to) {
        return ApiClient.of(host).post("/api/numbers/" + number + "/move", "{\"state\":\"" + to + "\",\"account_id\":\"" + ACCOUNT + "\"}");
    }

    private static String state(CarrierHost host, String number) {
        return ApiClient.of(host).get("/api/numbers/" + number).json().path("state").asText();
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }

    private static JsonNode row(JsonNode table, String from, String to) {
        for (JsonNode row : table.path("transitions")) {
            if (row.path("from").asText().equals(from) && row.path("to").asText().equals(to)) {
                return row;
            }
        }
        return null;
    }

    private static double calls(CarrierHost host, String carrier, String operation) {
        var counter = host.meters().find("carrierhost.carrier.calls")
                .tags("carrier", carrier, "operation", operation, "outcome", "ok").counter();
        assertFalse(counter != null && Double.isNaN(counter.count()));
        return counter == null ? 0 : counter.count();
    }
}
