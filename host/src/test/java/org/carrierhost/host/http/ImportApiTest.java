package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/numbers/import} over real HTTP, into the real local carrier's stock in a real H2 registry. */
class ImportApiTest {

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("local", "mock").withHttp();

    private static String body(String carrier, List<String> numbers) {
        return "{\"carrier\":\"" + carrier + "\",\"numbers\":["
                + numbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",")) + "]}";
    }

    @Test
    void theReportCountsTheAddedAndListsThePresentByStateAndTheInvalidWithWhy() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        api.post("/api/numbers/import", body("local", List.of("+14155550100")));
        api.post("/api/numbers/+14155550100/acquire", "{}");

        Reply reply = api.post("/api/numbers/import", body("local",
                List.of("(415) 555-0101", "+14155550100", "415555010x", "+1415555010012345", "4155550101")));

        assertEquals(200, reply.status(), reply.text());
        JsonNode report = reply.json();
        assertEquals("local", report.path("carrier").asText());
        assertEquals(1, report.path("added").asInt());
        assertEquals(2, report.path("present").asInt());
        assertEquals(2, report.path("invalid").asInt());
        // Listed twice in one body: the first listing adds it, the second is present, in the state it was added in.
        assertEquals("{\"available\":[\"+14155550101\"],\"in_service\":[\"+14155550100\"]}",
                report.path("present_numbers").toString(), reply.text());
        JsonNode invalid = report.path("invalid_inputs");
        assertEquals(2, invalid.size(), reply.text());
        assertEquals(2, invalid.get(0).path("index").asInt(), reply.text());
        assertEquals("415555010x", invalid.get(0).path("input").asText(), reply.text());
        assertTrue(invalid.get(0).path("reason").asText().contains("digits"), reply.text());
        assertEquals(3, invalid.get(1).path("index").asInt(), reply.text());
        assertEquals("+1415555010012345", invalid.get(1).path("input").asText(), reply.text());
        assertTrue(invalid.get(1).path("reason").asText().contains("phone number"), reply.text());
        assertTrue(report.path("results").isMissingNode(), "no line per number: " + reply.text());
    }

    @Test
    void importingTheSameListTwiceChangesNothingTheSecondTime() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        String list = body("local", List.of("+14155550100", "+14155550101"));
        Reply first = api.post("/api/numbers/import", list);
        List<JsonNode> historyBefore = List.of(api.get("/api/numbers/+14155550100").json().path("history"));

        Reply second = api.post("/api/numbers/import", list);

        assertEquals(2, first.json().path("added").asInt(), first.text());
        assertEquals(0, second.json().path("added").asInt(), second.text());
        assertEquals(2, second.json().path("present").asInt(), second.text());
        assertEquals(historyBefore, List.of(api.get("/api/numbers/+14155550100").json().path("history")));
        assertEquals(1, historyBefore.get(0).size());
    }

    @Test
    void anEmptyListIs400Invalid() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).post("/api/numbers/import", body("local", List.of()));

        assertEquals(400, reply.status(), reply.text());
        assertEquals("invalid", reply.error());
        assertEquals("numbers must not be empty", reply.json().path("error").path("message").asText());
    }

    @Test
    void malformedJsonIs400InvalidWithThePosition() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).post("/api/numbers/import", "{\"carrier\":\"local\",\n\"numbers\":[\"+14155550100\" \"x\"]}");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("invalid", reply.error());
        assertTrue(reply.json().path("error").path("message").asText().contains("line 2, column"), reply.text());
    }

    @Test
    void aHundredThousandNumbersInOneBodyAreAllAdded() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        List<String> numbers = IntStream.range(0, 100_000).mapToObj(i -> "+1212" + (2000000 + i)).toList();

        Reply reply = api.post("/api/numbers/import", body("local", numbers));

        assertEquals(200, reply.status(), reply.text().substring(0, Math.min(500, reply.text().length())));
        assertEquals(100_000, reply.json().path("added").asInt());
        assertEquals(0, reply.json().path("present_numbers").size(), "only the present and invalid are listed");
        assertEquals(0, reply.json().path("invalid_inputs").size());
        Reply last = api.get("/api/numbers?prefix=%2B1212209999&quantity=10");
        assertEquals("+12122099999", last.json().path("numbers").get(9).path("number").asText(), last.text());
    }

    @Test
    void aBodyOverTheImportLimitIs413AndAddsNothing() {
        CarrierHost host = carriers.restartWith(Map.of("import.max_numbers", "2"));
        ApiClient api = ApiClient.of(host);

        Reply reply = api.post("/api/numbers/import", body("local", List.of("+14155550100", "+14155550101", "+14155550102")));

        assertEquals(413, reply.status(), reply.text());
        assertEquals("too_large", reply.error());
        assertTrue(reply.json().path("error").path("cause").asText().contains("import.max_numbers"), reply.text());
        assertEquals("not_found", api.post("/api/numbers/check", "{\"numbers\":[\"+14155550100\"]}").json()
                .path("+14155550100").asText());
    }

    @Test
    void anUnknownCarrierIs404() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).post("/api/numbers/import", body("nosuch", List.of("+14155550100")));

        assertEquals(404, reply.status(), reply.text());
        assertEquals("not_found", reply.error());
    }

    @Test
    void aCarrierThatIsNotLocalIs400SayingImportIsForLocalCarriers() {
        CarrierHost host = carriers.host();
        Reply reply = ApiClient.of(host).post("/api/numbers/import", body("mock", List.of("+14155550100")));

        assertEquals(400, reply.status(), reply.text());
        assertEquals("invalid", reply.error());
        assertEquals("import is for local carriers", reply.json().path("error").path("message").asText());
    }

    @Test
    void aCarrierDisabledSinceStartupIs503BecauseWhetherItIsLocalIsUnknown() {
        Reply disabled = ApiClient.of(carriers.host()).post("/api/carriers/local/disable", "");
        assertEquals(200, disabled.status(), disabled.text());
        CarrierHost host = carriers.restart();
        Reply reply = ApiClient.of(host).post("/api/numbers/import", body("local", List.of("+14155550100")));

        assertEquals(503, reply.status(), reply.text());
        assertEquals("carrier_unavailable", reply.error());
        assertTrue(reply.json().path("error").path("message").asText().contains("never loaded"), reply.text());
    }

    @Test
    void aViewerMayNotImport() {
        CarrierHost host = carriers.restartWith(Map.of("auth.token.dash", "viewer:viewer-secret-0123456789"));
        Reply reply = ApiClient.of(host).withToken("viewer-secret-0123456789")
                .post("/api/numbers/import", body("local", List.of("+14155550100")));

        assertEquals(403, reply.status(), reply.text());
        assertEquals("forbidden", reply.error());
    }

    @Test
    void eachImportIsAuditedWithItsCounts() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        api.post("/api/numbers/import", body("local", List.of("+14155550100", "bad")));

        // The audit writer stores the entry soon after the answer, which waited only for its journal line.
        Await.until(Duration.ofSeconds(5), () -> "import".equals(api.get("/api/events").json().path(0).path("action").asText()),
                () -> api.get("/api/events").text());
        JsonNode newest = api.get("/api/events").json();
        JsonNode event = newest.get(0);

        assertEquals("import", event.path("action").asText(), newest.toString());
        assertEquals("api:admin", event.path("actor").asText());
        assertEquals("local: 1 added, 0 present, 1 invalid", event.path("target").asText());
    }
}
