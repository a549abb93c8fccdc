package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The local carrier's stock through its whole life, as a new user meets it: the real local zip loaded
 * through PF4J, a real H2 registry, real HTTP on loopback.
 */
class LocalStockApiTest {

    /** +14155550100 .. +14155550199. */
    private static final List<String> STOCK = IntStream.range(100, 200).mapToObj(i -> "+14155550" + i).toList();
    private static final String FIRST = STOCK.get(0);

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("local").withHttp();

    static Reply importStock(ApiClient api, List<String> numbers) {
        String list = numbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        Reply reply = api.post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":[" + list + "]}");
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }

    private static List<String> numbers(Reply search) {
        assertEquals(200, search.status(), search.text());
        List<String> numbers = new ArrayList<>();
        search.json().path("numbers").forEach(n -> numbers.add(n.path("number").asText()));
        return numbers;
    }

    @Test
    void aSearchAfterImportReturnsTheFirstTenAvailableNumbersOfTheLocalCarrier() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK);

        Reply found = api.get("/api/numbers?prefix=415&quantity=10");

        assertEquals(STOCK.subList(0, 10), numbers(found));
        for (JsonNode n : found.json().path("numbers")) {
            assertEquals("local", n.path("carrier").asText());
            assertEquals("available", n.path("state").asText());
        }
        assertEquals(0, found.json().path("errors").size(), found.text());
    }

    @Test
    void acquireTakesANumberOutOfTheStockAndDisconnectPutsItBackWithItsHistory() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK);

        Reply acquired = api.post("/api/numbers/" + FIRST + "/acquire", "{\"account_id\":\"acct-1\"}");
        List<String> whileHeld = numbers(api.get("/api/numbers?prefix=415&quantity=10"));
        Reply disconnected = api.post("/api/numbers/" + FIRST + "/disconnect", "");
        List<String> afterwards = numbers(api.get("/api/numbers?prefix=415&quantity=10"));
        Reply stored = api.get("/api/numbers/" + FIRST);

        assertEquals(200, acquired.status(), acquired.text());
        assertEquals("in_service", acquired.json().path("state").asText());
        assertEquals("acct-1", acquired.json().path("account_id").asText());
        assertFalse(whileHeld.contains(FIRST), whileHeld.toString());
        assertEquals(200, disconnected.status(), disconnected.text());
        assertEquals("available", disconnected.json().path("state").asText());
        assertTrue(disconnected.json().path("account_id").isNull(), disconnected.text());
        assertEquals(FIRST, afterwards.get(0));
        assertEquals("available", stored.json().path("state").asText());
        assertTrue(stored.json().path("account_id").isNull(), stored.text());
        assertEquals(List.of("null->available", "available->in_service", "in_service->available"), moves(stored));
        for (JsonNode entry : stored.json().path("history")) {
            assertEquals("api:admin", entry.path("actor").asText(), stored.text());
            assertEquals("local", entry.path("carrier").asText());
            assertFalse(entry.path("time").asText().isEmpty());
        }
    }

    private static List<String> moves(Reply stored) {
        List<String> moves = new ArrayList<>();
        stored.json().path("history").forEach(e -> moves.add(e.path("from").asText("null") + "->" + e.path("to").asText()));
        return moves;
    }

    @Test
    void thirtyTwoConcurrentAcquiresOfOneNumberHaveExactlyOneWinner() throws Exception {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK);
        int callers = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                String account = "acct-" + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/numbers/" + FIRST + "/acquire", "{\"account_id\":\"" + account + "\"}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }

            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(callers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
            assertEquals(List.of("null->available", "available->in_service"), moves(api.get("/api/numbers/" + FIRST)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void importAcquireAndHistorySurviveARestartAndTheStockStaysSearchable() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK);
        api.post("/api/numbers/" + FIRST + "/acquire", "{\"account_id\":\"acct-1\"}");
        api = ApiClient.of(carriers.restart());

        Reply stored = api.get("/api/numbers/" + FIRST);
        List<String> found = numbers(api.get("/api/numbers?prefix=415&quantity=10"));

        assertEquals("in_service", stored.json().path("state").asText());
        assertEquals("acct-1", stored.json().path("account_id").asText());
        assertEquals(List.of("null->available", "available->in_service"), moves(stored));
        assertEquals(STOCK.subList(1, 11), found);
    }

    @Test
    void pagesByOffsetDoNotOverlapAndAddUpToTheStockInNumberOrder() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        List<String> stock = STOCK.subList(0, 25);
        List<String> shuffled = new ArrayList<>(stock);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        importStock(api, shuffled);

        List<String> paged = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int offset : List.of(0, 10, 20)) {
            List<String> page = numbers(api.get("/api/numbers?prefix=415&quantity=10&offset=" + offset));
            paged.addAll(page);
            distinct.addAll(page);
        }

        assertEquals(stock, paged);
        assertEquals(stock.size(), distinct.size());
    }

    @Test
    void checkAnswersTheStateOfLocalNumbers() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK.subList(0, 2));
        api.post("/api/numbers/" + FIRST + "/acquire", "{}");

        Reply reply = api.post("/api/numbers/check", "{\"numbers\":[\"" + FIRST + "\",\"4155550101\",\"+14155550102\"]}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("in_service", reply.json().path(FIRST).asText());
        assertEquals("available", reply.json().path("4155550101").asText());
        assertEquals("not_found", reply.json().path("+14155550102").asText());
    }

    @Test
    void acquiringANumberAlreadyInServiceIs409NumberExists() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK.subList(0, 1));
        api.post("/api/numbers/" + FIRST + "/acquire", "{}");

        Reply second = api.post("/api/numbers/" + FIRST + "/acquire", "{}");

        assertEquals(409, second.status(), second.text());
        assertEquals("number_exists", second.error());
        assertEquals("local", second.json().path("error").path("carrier").asText());
    }

    @Test
    void disconnectingANumberStillInStockIs409InvalidStateTransitionNamingFromAndTo() {
        CarrierHost host = carriers.host();
        ApiClient api = ApiClient.of(host);
        importStock(api, STOCK.subList(0, 1));

        Reply reply = api.post("/api/numbers/" + FIRST + "/disconnect", "");

        assertEquals(409, reply.status(), reply.text());
        assertEquals("invalid_state_transition", reply.error());
        assertEquals("available -> available", reply.json().path("error").path("cause").asText());
    }
}
