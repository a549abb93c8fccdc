package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reconciliation of Bandwidth through the host, against the Bandwidth simulator, after numbers were changed at the
 * simulator behind the host's back: each kind of drift is reported, kept and counted, and each repair works through
 * the API, is audited, and is refused to a viewer.
 */
class BandwidthReconcileTest extends BandwidthHostFixture {

    private static final String VIEWER = "viewer-secret-0123456789";

    @Test
    void eachKindOfDriftIsReportedKeptCountedAndRepairedThroughTheApi() throws Exception {
        host.close();
        Map<String, String> settings = new LinkedHashMap<>(settings(PASSWORD));
        settings.put("auth.token.dash", "viewer:" + VIEWER);
        host = TestHosts.start(plugins, data, settings);
        ApiClient api = api();
        List<String> numbers = api.get("/api/numbers?prefix=919&quantity=4").json().findValuesAsText("number");
        String agreed = numbers.get(0);
        String goneThere = numbers.get(1);
        String releasedHere = numbers.get(2);
        String neverOrdered = numbers.get(3);
        String portedIn = "+19195550142";
        for (String n : List.of(agreed, goneThere, releasedHere)) {
            ok(api.post("/api/numbers/" + n + "/acquire", "{\"account_id\":\"acct-1\"}"));
        }
        ok(api.post("/api/numbers/" + releasedHere + "/disconnect", ""));
        ok(api.post("/api/numbers/import", "{\"carrier\":\"bandwidth\",\"numbers\":[\"" + portedIn + "\"],\"state\":\"port_in\"}"));
        // Behind the host's back: one disconnected at Bandwidth's portal, three put in service there.
        simulator.stock().setOwned(digits(goneThere), false);
        simulator.stock().setOwned(digits(releasedHere), true);
        simulator.stock().setOwned(digits(neverOrdered), true);
        simulator.stock().setOwned(digits(portedIn), true);

        JsonNode report = ok(api.post("/api/carriers/bandwidth/reconcile", "")).json();

        assertEquals(5, report.path("checked").asInt(), report.toString());
        assertEquals(List.of(releasedHere, neverOrdered).stream().sorted().toList(), report.path("only_at_carrier").findValuesAsText("number"));
        assertEquals("released", row(report, "only_at_carrier", releasedHere).path("here").asText());
        assertTrue(row(report, "only_at_carrier", neverOrdered).path("here").isNull());
        assertEquals(List.of(goneThere), report.path("only_here").findValuesAsText("number"));
        assertEquals(List.of(portedIn), report.path("state_differs").findValuesAsText("number"));
        assertEquals("in_service", row(report, "state_differs", portedIn).path("at_carrier").asText());
        assertEquals(1, api.get("/api/carriers/bandwidth/reconcile").json().path("reports").size());
        String metrics = ok(api.get("/metrics")).text();
        assertTrue(metrics.contains("carrierhost_reconcile_drift{carrier=\"bandwidth\",kind=\"only_at_carrier\"} 2.0"), metrics);
        assertTrue(metrics.contains("carrierhost_reconcile_drift{carrier=\"bandwidth\",kind=\"only_here\"} 1.0"), metrics);

        String rows = "/api/carriers/bandwidth/reconcile/" + report.path("id").asLong() + "/rows/";
        Reply refused = api.withToken(VIEWER).post(rows + neverOrdered, "{\"action\":\"release_at_carrier\"}");
        assertEquals(403, refused.status(), refused.text());

        assertEquals("release_at_carrier", ok(api.post(rows + neverOrdered, "{\"action\":\"release_at_carrier\"}")).json().path("resolution").asText());
        assertFalse(simulator.stock().isOwned(digits(neverOrdered)), "disconnected at Bandwidth");
        ok(api.post(rows + releasedHere, "{\"action\":\"adopt\",\"account_id\":\"acct-2\"}"));
        JsonNode adopted = api.get("/api/numbers/" + releasedHere).json();
        assertEquals("in_service", adopted.path("state").asText());
        assertEquals("acct-2", adopted.path("account_id").asText());
        ok(api.post(rows + goneThere, "{\"action\":\"adopt\"}"));
        assertEquals(NumberState.RELEASED.wireName(), api.get("/api/numbers/" + goneThere).json().path("state").asText());
        ok(api.post(rows + portedIn, "{\"action\":\"mark_checked\"}"));
        Reply again = api.post(rows + portedIn, "{\"action\":\"mark_checked\"}");
        assertEquals(409, again.status(), again.text());

        assertEquals(4, TestHosts.eventCount(host, "reconcile-repair", "bandwidth"));
        JsonNode kept = api.get("/api/carriers/bandwidth/reconcile").json().path("reports").get(0);
        assertEquals("admin", row(kept, "only_here", goneThere).path("resolved_by").asText().replace("api:", ""));
        JsonNode second = ok(api.post("/api/carriers/bandwidth/reconcile", "")).json();
        assertEquals(List.of(portedIn), second.path("state_differs").findValuesAsText("number"), "only the row marked checked is left");
        assertEquals(0, second.path("only_at_carrier").size() + second.path("only_here").size(), second.toString());
    }

    private static String digits(String e164) {
        return e164.substring(2);
    }

    private static JsonNode row(JsonNode report, String kind, String number) {
        for (JsonNode row : report.path(kind)) {
            if (row.path("number").asText().equals(number)) {
                return row;
            }
        }
        throw new AssertionError(number + " is not in " + kind + " of " + report);
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
