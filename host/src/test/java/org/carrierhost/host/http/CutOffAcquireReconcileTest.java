package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.HostProcess;
import org.carrierhost.host.TestHosts;
import org.carrierhost.simulator.telnyx.TelnyxSwitch;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A number whose carrier call was cut off mid-acquire: Telnyx bought it, but the host never heard, because the order
 * settled after the host gave up on it, or because the host was SIGKILLed while it waited. The carrier bills for it and
 * the registry does not hold it, so every reconciliation reports it as {@code only_at_carrier} until a repair settles
 * it: adopting puts it in service for the account with no new order; releasing deletes it at Telnyx.
 */
class CutOffAcquireReconcileTest extends TelnyxHostFixture {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void aNumberBoughtAfterTheHostGaveUpShowsOnlyAtCarrierUntilItIsAdopted() throws Exception {
        String number = cutOffByTheOrderTimeout();

        JsonNode first = reconcile();
        JsonNode again = reconcile();

        assertEquals("discovery", only(first, number).path("here").asText(), first.toString());
        assertNotNull(only(again, number), "still reported, until it is settled");
        repair(again, number, "{\"action\":\"adopt\",\"account_id\":\"acct-1\"}");
        JsonNode adopted = api().get("/api/numbers/" + number).json();
        assertEquals("in_service", adopted.path("state").asText());
        assertEquals("acct-1", adopted.path("account_id").asText());
        assertEquals(1, simulator.count("POST", "/v2/number_orders"), "adopted without a new order");
        assertEquals(0, reconcile().path("only_at_carrier").size());
    }

    @Test
    void aNumberBoughtAfterTheHostGaveUpIsDeletedAtTelnyxByTheReleaseRepair() throws Exception {
        String number = cutOffByTheOrderTimeout();

        repair(reconcile(), number, "{\"action\":\"release_at_carrier\"}");

        assertEquals(0, simulator.inventory().timesHeld(number), "no longer billed");
        assertEquals(0, reconcile().path("only_at_carrier").size());
    }

    @Test
    void aNumberWhoseHostWasKilledMidAcquireShowsOnlyAtCarrierAfterTheRestart() throws Exception {
        host.close();
        simulator.switches().switchOn(TelnyxSwitch.NEVER_COMPLETE);
        String number = "+13125550105";
        // Polled slowly, so the simulator's request log (its last 500) still holds the order's POST when the host dies.
        HostProcess child = HostProcess.start(plugins, data, settings(Map.of("carrier.telnyx.order_poll_interval_ms", "200")).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        try {
            ApiClient api = new ApiClient(child.awaitUrl(), TestHosts.ADMIN_TOKEN);
            CompletableFuture<Reply> acquire = CompletableFuture.supplyAsync(() -> api.post("/api/numbers/" + number + "/acquire",
                    "{\"account_id\":\"acct-1\"}"));
            Await.until(Duration.ofSeconds(20), () -> simulator.count("POST", "/v2/number_orders") == 1 && pollsOfTheOrder() > 0,
                    child::output);
            child.kill();
            acquire.handle((reply, failure) -> null).get();
        } finally {
            child.close();
        }
        simulator.switches().switchOff(TelnyxSwitch.NEVER_COMPLETE);
        settleTheOrderAtTelnyx();
        host = TestHosts.start(plugins, data, settings(Map.of()));

        JsonNode report = reconcile();

        assertNotNull(only(report, number), report.toString());
        repair(report, number, "{\"action\":\"adopt\",\"account_id\":\"acct-1\"}");
        assertEquals("in_service", api().get("/api/numbers/" + number).json().path("state").asText());
        assertEquals(0, reconcile().path("only_at_carrier").size());
    }

    /** An acquire that gives up on a pending order; the order then settles at Telnyx, which now bills for the number. */
    private String cutOffByTheOrderTimeout() throws Exception {
        restartWith(Map.of("carrier.telnyx.order_timeout_ms", "200"));
        String number = offered("312");
        simulator.switches().switchOn(TelnyxSwitch.NEVER_COMPLETE);
        Reply cut = acquire(number);
        assertEquals(504, cut.status(), cut.text());
        simulator.switches().switchOff(TelnyxSwitch.NEVER_COMPLETE);
        settleTheOrderAtTelnyx();
        assertEquals(1, simulator.inventory().timesHeld(number), "bought at Telnyx after all");
        return number;
    }

    private long pollsOfTheOrder() {
        return simulator.requests().stream().filter(r -> r.method().equals("GET") && r.path().startsWith("/v2/number_orders/")).count();
    }

    /** Reads the order at the simulator until it settles, as Telnyx finishing it after the host stopped asking. */
    private void settleTheOrderAtTelnyx() throws Exception {
        String path = simulator.requests().stream().filter(r -> r.method().equals("GET") && r.path().startsWith("/v2/number_orders/"))
                .reduce((a, b) -> b).orElseThrow().path();
        HttpRequest read = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path.substring("/v2".length())))
                .header("Authorization", "Bearer " + API_KEY).GET().build();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> order = HttpClient.newHttpClient().send(read, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, order.statusCode(), order.body());
            if (!JSON.readTree(order.body()).path("data").path("status").asText().equals("pending")) {
                return;
            }
        }
        throw new AssertionError("the order at " + path + " never settled");
    }

    private JsonNode reconcile() {
        Reply report = api().post("/api/carriers/telnyx/reconcile", "");
        assertEquals(200, report.status(), report.text());
        return report.json();
    }

    private void repair(JsonNode report, String number, String body) {
        Reply repaired = api().post("/api/carriers/telnyx/reconcile/" + report.path("id").asLong() + "/rows/" + number, body);
        assertEquals(200, repaired.status(), repaired.text());
    }

    private static JsonNode only(JsonNode report, String number) {
        for (JsonNode row : report.path("only_at_carrier")) {
            if (row.path("number").asText().equals(number)) {
                return row;
            }
        }
        throw new AssertionError(number + " is not only_at_carrier in " + report);
    }
}
