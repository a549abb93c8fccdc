package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aging ({@code numbers.aging_ms}, {@code carrier.<id>.disconnect_policy}) over real HTTP, on H2 and PostgreSQL: a
 * disconnected number waits in aging, unseen by searches, then the reaper frees it.
 */
class NumberAgingTest {

    private static final String NUMBER = "+13035550100";

    @TempDir
    Path root;
    private CarrierHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private ApiClient start(TestDatabase database, Map<String, String> extra) throws Exception {
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        TestPlugins.copyMock(plugins);
        TestPlugins.copyLocal(plugins);
        Map<String, String> settings = new LinkedHashMap<>(database.settings());
        settings.put("numbers.reaper_ms", "200");
        settings.putAll(extra);
        host = TestHosts.start(plugins, Files.createDirectories(root.resolve("data")), settings);
        return ApiClient.of(host);
    }

    @BothDatabases
    void aLocalNumberAgesUnseenThenIsAvailableAndSearchableAgain(TestDatabase database) throws Exception {
        ApiClient api = start(database, Map.of("numbers.aging_ms", "1500"));
        ok(api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":[\"" + NUMBER + "\"]}"));
        ok(api.post("/api/numbers/" + NUMBER + "/acquire", "{\"account_id\":\"acct-1\"}"));

        Reply disconnected = ok(api.post("/api/numbers/" + NUMBER + "/disconnect", ""));

        assertEquals("aging", disconnected.json().path("state").asText());
        assertEquals("acct-1", disconnected.json().path("account_id").asText(), "it stays its account's while it ages");
        assertFalse(found(api), "an aging number is not offered");
        Await.until(Duration.ofSeconds(15), () -> "available".equals(state(api)), () -> NUMBER + " is " + state(api));
        assertTrue(found(api), "available again, it is offered");
        assertTrue(api.get("/api/numbers/" + NUMBER).json().path("account_id").isNull());
    }

    @BothDatabases
    void anAgingNumberIsBoughtBackOnlyByItsAccountWithNoCarrierCall(TestDatabase database) throws Exception {
        ApiClient api = start(database, Map.of("numbers.aging_ms", "600000"));
        String number = inServiceAtMock(api);
        ok(api.post("/api/numbers/" + number + "/disconnect", ""));
        double acquires = calls("acquire");

        Reply other = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-2\"}");
        Reply same = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}");

        assertEquals(409, other.status(), other.text());
        assertEquals("number_exists", other.error());
        assertEquals(200, same.status(), same.text());
        assertEquals("in_service", same.json().path("state").asText());
        assertEquals(acquires, calls("acquire"), "no carrier call");
    }

    @BothDatabases
    void anImmediatePolicyReleasesAtOnceDespiteAging(TestDatabase database) throws Exception {
        ApiClient api = start(database, Map.of("numbers.aging_ms", "600000", "carrier.mock.disconnect_policy", "immediate"));
        String number = inServiceAtMock(api);

        Reply disconnected = ok(api.post("/api/numbers/" + number + "/disconnect", ""));

        assertEquals("released", disconnected.json().path("state").asText());
        assertEquals(1.0, calls("disconnect"));
    }

    @BothDatabases
    void aRemoteNumberIsDisconnectedAtItsCarrierWhenItsAgingEnds(TestDatabase database) throws Exception {
        ApiClient api = start(database, Map.of("numbers.aging_ms", "1000"));
        String number = inServiceAtMock(api);
        ok(api.post("/api/numbers/" + number + "/disconnect", ""));
        assertEquals(0.0, calls("disconnect"), "no call while it ages");

        Await.until(Duration.ofSeconds(15), () -> "released".equals(api.get("/api/numbers/" + number).json().path("state").asText()),
                () -> api.get("/api/numbers/" + number).text());

        assertEquals(1.0, calls("disconnect"));
        assertTrue(api.get("/api/numbers/" + number).json().path("data").has("disconnect_order_id"));
        Await.until(Duration.ofSeconds(10), () -> TestHosts.eventCount(host, "aging-over", number) == 1,
                () -> "aging-over events: " + TestHosts.eventCount(host, "aging-over", number));
    }

    /** A number the mock carrier offers, acquired for acct-1. */
    private static String inServiceAtMock(ApiClient api) {
        String number = api.get("/api/numbers?prefix=415&quantity=1&carriers=mock").json().path("numbers").get(0).path("number").asText();
        ok(api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}"));
        return number;
    }

    private double calls(String operation) {
        var counter = host.meters().find("carrierhost.carrier.calls")
                .tags("carrier", "mock", "operation", operation, "outcome", "ok").counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean found(ApiClient api) {
        Reply reply = ok(api.get("/api/numbers?prefix=%2B1303555&quantity=10&carriers=local"));
        return reply.text().contains(NUMBER);
    }

    private static String state(ApiClient api) {
        return api.get("/api/numbers/" + NUMBER).json().path("state").asText();
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
