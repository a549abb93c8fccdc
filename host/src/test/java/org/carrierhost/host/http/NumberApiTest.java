package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The numbers API over real HTTP on loopback, with the real mock zip loaded through PF4J. */
class NumberApiTest {

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("mock").withHttp();

    @Test
    void searchForAPrefixReturnsTheQuantityAskedSortedAndAttributed() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).get("/api/numbers?prefix=415&quantity=10");

        assertEquals(200, reply.status(), reply.text());
        List<String> numbers = new ArrayList<>();
        for (JsonNode n : reply.json().path("numbers")) {
            numbers.add(n.path("number").asText());
            assertEquals("mock", n.path("carrier").asText());
            assertEquals("discovery", n.path("state").asText());
        }
        assertEquals(10, numbers.stream().distinct().count());
        assertEquals(numbers.stream().sorted().toList(), numbers);
        assertTrue(numbers.stream().allMatch(n -> n.startsWith("+1415")));
        assertEquals(0, reply.json().path("errors").size());
    }

    @Test
    void aDryRunSaysWhatWouldHappenInAShapeNoStoredNumberHas() {
        ApiClient api = ApiClient.of(carriers.host());

        Reply dry = api.post("/api/numbers/+14159000000/acquire", "{\"account_id\":\"acct-1\",\"dry_run\":true}");

        assertEquals(200, dry.status(), dry.text());
        assertTrue(dry.json().path("dry_run").asBoolean(), dry.text());
        assertEquals("in_service", dry.json().path("would_be").asText(), dry.text());
        assertEquals("mock", dry.json().path("carrier").asText(), dry.text());
        assertEquals("acct-1", dry.json().path("account_id").asText(), dry.text());
        assertTrue(dry.json().path("state").isMissingNode() && dry.json().path("data").isMissingNode(), dry.text());
        Reply after = api.get("/api/numbers/+14159000000");
        assertTrue(after.status() == 404 || !after.json().path("state").asText().equals("in_service"),
                "a dry run acquires nothing: " + after.text());
    }

    @Test
    void acquiredStateAndOrderIdSurviveARestart() {
        String number;
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        number = firstOffered(api);

        Reply acquired = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}");

        assertEquals(200, acquired.status(), acquired.text());
        assertEquals("in_service", acquired.json().path("state").asText());
        assertTrue(acquired.json().path("data").path("order_id").asText().startsWith("mock-order-"));
        host = carriers.restart();
        Reply stored = ApiClient.of(host).get("/api/numbers/" + number);

        assertEquals("in_service", stored.json().path("state").asText());
        assertEquals("acct-1", stored.json().path("account_id").asText());
        assertTrue(stored.json().path("data").path("order_id").asText().startsWith("mock-order-"));
    }

    @Test
    void aSecondAcquireOfTheSameNumberIs409() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        String number = firstOffered(api);
        api.post("/api/numbers/" + number + "/acquire", "{}");

        Reply second = api.post("/api/numbers/" + number + "/acquire", "{}");

        assertEquals(409, second.status(), second.text());
        assertEquals("number_exists", second.error());
    }

    @Test
    void disconnectMovesTheNumberOn() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        String number = firstOffered(api);
        api.post("/api/numbers/" + number + "/acquire", "{}");

        Reply disconnected = api.post("/api/numbers/" + number + "/disconnect", "");

        assertEquals(200, disconnected.status(), disconnected.text());
        assertEquals("released", disconnected.json().path("state").asText());
    }

    @Test
    void anUnknownNumberIs404InTheStandardShape() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).get("/api/numbers/%2B14155550199");

        assertEquals(404, reply.status());
        JsonNode error = reply.json().path("error");
        assertEquals(404, error.path("code").asInt());
        assertEquals("not_found", error.path("error").asText());
        assertEquals("number +14155550199 not found", error.path("message").asText());
        assertTrue(error.has("cause"));
        assertTrue(error.has("carrier"));
    }

    @Test
    void checkAnswersEachNumbersStateOrNotFound() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        String number = firstOffered(api);
        api.post("/api/numbers/" + number + "/acquire", "{}");

        Reply reply = api.post("/api/numbers/check", "{\"numbers\":[\"" + number + "\",\"+14155550199\"]}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("in_service", reply.json().path(number).asText());
        assertEquals("not_found", reply.json().path("+14155550199").asText());
    }

    @Test
    void withoutTheTokenTheApiAnswers401ButHealthIsPublic() {
        CarrierHost host = carriers.host();
        ApiClient anonymous = ApiClient.of(host).withToken(null);

        Reply carriers = anonymous.get("/api/carriers");
        Reply wrong = ApiClient.of(host).withToken("not-the-token").get("/api/carriers");
        Reply health = anonymous.get("/api/health");

        assertEquals(401, carriers.status());
        assertEquals("unauthorized", carriers.error());
        assertEquals(401, wrong.status());
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
    }

    @Test
    void aViewerTokenMayReadButNotChange() {
        CarrierHost host = carriers.restartWith(Map.of("auth.token.dash", "viewer:viewer-secret-0123456789"));
        ApiClient viewer = ApiClient.of(host).withToken("viewer-secret-0123456789");
        String number = firstOffered(viewer);

        Reply acquire = viewer.post("/api/numbers/" + number + "/acquire", "{}");

        assertEquals(403, acquire.status());
        assertEquals("forbidden", acquire.error());
    }

    @Test
    void badPrefixesAndQuantitiesAre400InTheStandardShape() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        for (String query : List.of("prefix=abc", "prefix=415&quantity=0", "prefix=415&quantity=501",
                "prefix=415&quantity=ten", "prefix=4155550100123456789")) {
            Reply reply = api.get("/api/numbers?" + query);

            assertEquals(400, reply.status(), query + " -> " + reply.text());
            assertEquals("invalid", reply.error(), query);
            assertNotNull(reply.json().path("error").path("message").asText(null), query);
        }
    }

    @Test
    void malformedJsonIs400WithTheFaultsPosition() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).post("/api/numbers/check", "{\"numbers\": [1,");

        assertEquals(400, reply.status());
        assertTrue(reply.json().path("error").path("message").asText().contains("line 1"), reply.text());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        CarrierHost host = carriers.restartWith(Map.of("http.max_body_bytes", "1024"));
        Reply reply = ApiClient.of(host).post("/api/numbers/check", "{\"numbers\":[\"" + "1".repeat(2000) + "\"]}");

        assertEquals(413, reply.status());
        assertEquals("too_large", reply.error());
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethodIs405() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);

        assertEquals(404, api.get("/api/nothing").status());
        // POST /api/carriers installs a plugin; PUT is no route's method.
        Reply wrongMethod = api.send("PUT", "/api/carriers", "{}".getBytes(), "application/json");
        assertEquals(405, wrongMethod.status());
        assertEquals(405, wrongMethod.json().path("error").path("code").asInt());
        assertEquals("method_not_allowed", wrongMethod.error());
    }

    private static String firstOffered(ApiClient api) {
        return api.get("/api/numbers?prefix=415&quantity=1").json().path("numbers").get(0).path("number").asText();
    }
}
