package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local carrier answers the search vocabulary from the attributes its stock was imported with: the real local zip
 * through PF4J, a real registry on H2 and on PostgreSQL, real HTTP on loopback.
 */
class LocalStockSearchApiTest {

    private static final String STOCK = "{\"carrier\":\"local\",\"numbers\":["
            + "{\"number\":\"+14155550100\",\"locality\":\"San Francisco\",\"region\":\"CA\",\"rate_center\":\"SNFC CA\","
            + "\"postal_code\":\"94105\",\"features\":[\"sms\",\"voice\"]},"
            + "{\"number\":\"+14155550101\",\"locality\":\"San Francisco\",\"region\":\"CA\",\"features\":[\"voice\"]},"
            + "{\"number\":\"+14155552024\",\"locality\":\"San Francisco\",\"region\":\"CA\",\"features\":[\"sms\",\"mms\",\"voice\"]},"
            + "{\"number\":\"+13125550100\",\"locality\":\"Chicago\",\"region\":\"IL\",\"features\":[\"sms\"]},"
            + "{\"number\":\"+18005552024\",\"features\":[\"voice\"]},"
            + "\"+12125550177\"]}";

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    private static List<String> numbers(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(0, reply.json().path("errors").size(), reply.text());
        List<String> numbers = new ArrayList<>();
        reply.json().path("numbers").forEach(n -> numbers.add(n.path("number").asText()));
        return numbers;
    }

    @BothDatabases
    void eachFilterReturnsOnlyTheStockThatMatchesIt(TestDatabase db) throws Exception {
        TestPlugins.copyLocal(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, db.settings())) {
            ApiClient api = ApiClient.of(host);
            Reply imported = api.post("/api/numbers/import", STOCK);
            assertEquals(200, imported.status(), imported.text());

            assertEquals(List.of("+14155550100", "+14155550101", "+14155552024"), numbers(api.get("/api/numbers?area_code=415&carriers=local")));
            Reply place = api.get("/api/numbers?locality=san%20francisco&region=ca&carriers=local");
            assertEquals(List.of("+14155550100", "+14155550101", "+14155552024"), numbers(place));
            assertEquals("[\"locality\",\"region\"]", place.json().path("carriers").path("local").path("applied").toString());
            assertEquals("San Francisco", place.json().path("numbers").get(0).path("data").path("locality").asText());
            assertEquals(List.of("+14155552024", "+18005552024"), numbers(api.get("/api/numbers?contains=2024&carriers=local")));
            assertEquals(List.of("+12125550177"), numbers(api.get("/api/numbers?ends_with=0177&carriers=local")));
            assertEquals(List.of("+18005552024"), numbers(api.get("/api/numbers?type=toll_free&carriers=local")));
            assertEquals(List.of("+13125550100", "+14155550100", "+14155552024"), numbers(api.get("/api/numbers?features=sms&carriers=local")));
            assertEquals(List.of("+14155550100"), numbers(api.get("/api/numbers?rate_center=SNFC%20CA&postal_code=94105&carriers=local")));
            assertEquals(List.of("+14155552024"), numbers(api.get("/api/numbers?locality=San%20Francisco&features=mms&offset=0&carriers=local")));
            assertEquals(List.of("+14155550101"), numbers(api.get("/api/numbers?region=CA&offset=1&quantity=1&carriers=local")));
        }
    }

    @BothDatabases
    void anImportEntryWithAnUnknownFieldIsRefusedAndOneWithABadAttributeIsInvalidNamingIt(TestDatabase db) throws Exception {
        TestPlugins.copyLocal(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, db.settings())) {
            ApiClient api = ApiClient.of(host);
            Map<String, String> refusals = Map.of(
                    "{\"number\":\"+14155550100\",\"lcality\":\"X\"}", "numbers[0] has an unknown field 'lcality'",
                    "{\"number\":\"+14155550100\",\"features\":[\"telepathy\"]}", "numbers[0].features",
                    "{\"number\":\"+14155550100\",\"type\":\"landline\"}", "numbers[0].type");
            refusals.forEach((entry, named) -> {
                Reply reply = api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":[" + entry + "]}");
                assertEquals(400, reply.status(), entry + ": " + reply.text());
                assertTrue(reply.json().path("error").path("message").asText().contains(named), entry + ": " + reply.text());
            });
            // An attribute out of form is that entry's fault, as a malformed number is: the others are added.
            Reply partly = api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":["
                    + "{\"number\":\"+14155550100\",\"region\":\"California!\"},\"+14155550101\"]}");
            assertEquals(200, partly.status(), partly.text());
            assertEquals(1, partly.json().path("invalid").asInt(), partly.text());
            assertEquals(0, partly.json().path("invalid_inputs").get(0).path("index").asInt(), partly.text());
            assertTrue(partly.json().path("invalid_inputs").get(0).path("reason").asText().contains("numbers[0]: region must be"), partly.text());
            assertEquals(List.of("+14155550101"), numbers(api.get("/api/numbers?prefix=415&carriers=local")));
        }
    }
}
