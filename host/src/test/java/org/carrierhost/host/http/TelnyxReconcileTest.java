package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reconciliation of Telnyx through the host, against the Telnyx simulator's paged {@code GET /phone_numbers}, after
 * numbers were changed at the simulator behind the host's back: each kind of drift is reported, a list longer than one
 * Telnyx page is read to its end, and the repairs work.
 */
class TelnyxReconcileTest extends TelnyxHostFixture {

    @Test
    void eachKindOfDriftIsReportedAndRepairedThroughTheApi() {
        ApiClient api = api();
        List<String> numbers = api.get("/api/numbers?prefix=312&quantity=4").json().findValuesAsText("number");
        String agreed = numbers.get(0);
        String goneThere = numbers.get(1);
        String releasedHere = numbers.get(2);
        String neverOrdered = numbers.get(3);
        String portedIn = "+17735550299";
        for (String n : List.of(agreed, goneThere, releasedHere)) {
            ok(acquire(n));
        }
        ok(api.post("/api/numbers/" + releasedHere + "/disconnect", ""));
        ok(api.post("/api/numbers/import", "{\"carrier\":\"telnyx\",\"numbers\":[\"" + portedIn + "\"],\"state\":\"port_in\"}"));
        // Behind the host's back: one deleted in Telnyx's portal, three bought there.
        simulator.inventory().setHeld(goneThere, false);
        simulator.inventory().setHeld(releasedHere, true);
        simulator.inventory().setHeld(neverOrdered, true);
        simulator.inventory().setHeld(portedIn, true);

        JsonNode report = ok(api.post("/api/carriers/telnyx/reconcile", "")).json();

        assertEquals(5, report.path("checked").asInt(), report.toString());
        assertEquals(List.of(releasedHere, neverOrdered).stream().sorted().toList(), report.path("only_at_carrier").findValuesAsText("number"));
        assertEquals(List.of(goneThere), report.path("only_here").findValuesAsText("number"));
        assertEquals(List.of(portedIn), report.path("state_differs").findValuesAsText("number"));
        assertEquals("in_service", row(report, "state_differs", portedIn).path("at_carrier").asText(), "Telnyx's status active");

        String rows = "/api/carriers/telnyx/reconcile/" + report.path("id").asLong() + "/rows/";
        ok(api.post(rows + neverOrdered, "{\"action\":\"release_at_carrier\"}"));
        assertEquals(0, simulator.inventory().timesHeld(neverOrdered), "deleted at Telnyx");
        ok(api.post(rows + releasedHere, "{\"action\":\"adopt\",\"account_id\":\"acct-2\"}"));
        ok(api.post(rows + goneThere, "{\"action\":\"adopt\"}"));
        ok(api.post(rows + portedIn, "{\"action\":\"mark_checked\"}"));
        assertEquals(4, TestHosts.eventCount(host, "reconcile-repair", "telnyx"));
        JsonNode second = ok(api.post("/api/carriers/telnyx/reconcile", "")).json();
        assertEquals(0, second.path("only_at_carrier").size() + second.path("only_here").size(), second.toString());
    }

    @Test
    void aListLongerThanOneTelnyxPageIsReadToItsEnd() {
        for (int i = 0; i < 260; i++) {
            simulator.inventory().setHeld(String.format("+1646555%04d", i), true);
        }

        JsonNode report = ok(api().post("/api/carriers/telnyx/reconcile", "")).json();

        assertEquals(260, report.path("checked").asInt());
        assertEquals(260, report.path("only_at_carrier").size());
        List<String> pages = simulator.requests().stream().filter(r -> r.path().equals("/v2/phone_numbers"))
                .map(r -> r.params().get("page[number]") + "/" + r.params().get("page[size]")).toList();
        assertEquals(List.of("1/250", "2/250"), pages, "Telnyx's largest page, twice");
    }

    private static JsonNode row(JsonNode report, String kind, String number) {
        for (JsonNode row : report.path(kind)) {
            if (row.path("number").asText().equals(number)) {
                return row;
            }
        }
        throw new AssertionError(number + " is not in " + kind + " of " + report);
    }

    static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
