package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.Await;
import org.carrierhost.host.HostProcess;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A real host in a child JVM is SIGKILLed five times (twice in the default run), on H2 and on PostgreSQL, while 32 clients acquire distinct numbers:
 * of the mock carrier (slowed to {@value #LATENCY_MS} ms a call, so acquires are in flight when it dies: claim, call,
 * commit) and of the local carrier's stock (one transaction each, so many commits share each of H2's flushes: the
 * group commit of {@link org.carrierhost.host.store.GroupCommit}). After each restart on the same data directory:
 * every acquire answered 2xx is {@code in_service}, no number stays claimed (a new acquire of each cut-off number is
 * not refused as "being changed by another request"), and each number's state is where its history ends.
 */
@RunsAlone
class CrashDuringAcquiresTest {

    /** Two kills in the default run, the five above under the profile reliability-long. */
    private static final int KILLS = Reliability.load(2, 5);
    private static final int NUMBERS_PER_ROUND = 32;
    /** Local numbers per round: more than the clients, so commits are still queued when the host dies. */
    private static final int LOCAL_PER_ROUND = 160;
    /** A prefix per round, so each round acquires numbers no earlier round held. */
    private static final List<String> PREFIXES = List.of("212", "305", "415", "646", "718");
    private static final int CLIENTS = 32;
    private static final int ANSWERED_BEFORE_KILL = 40;
    private static final int LATENCY_MS = 40;
    private static final String ACQUIRE = "{\"account_id\":\"acct-crash\"}";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private Map<String, String> store;

    @BothDatabases
    void sigkillsDuringConcurrentAcquiresLeaveAnsweredAcquiresInServiceAndNoNumberLocked(TestDatabase db) throws Exception {
        store = db.settings();
        int kills = KILLS;
        TestPlugins.copyMock(plugins);
        TestPlugins.copyLocal(plugins);
        Map<String, Integer> answered = new LinkedHashMap<>();
        List<String> cutOff = new ArrayList<>();
        int totalCutOff = 0;
        HostProcess host = start();
        try {
            List<String> stock = new ArrayList<>();
            for (int i = 0; i < kills * LOCAL_PER_ROUND; i++) {
                stock.add(String.format("+1505555%04d", i));
            }
            ApiClient.Reply imported = api(host).post("/api/numbers/import", "{\"carrier\":\"local\",\"numbers\":["
                    + stock.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(",")) + "]}");
            assertEquals(200, imported.status(), imported.text());
            for (int kill = 1; kill <= kills; kill++) {
                ApiClient api = api(host);
                List<String> numbers = new ArrayList<>();
                api.get("/api/numbers?prefix=" + PREFIXES.get(kill - 1) + "&quantity=" + NUMBERS_PER_ROUND + "&carriers=mock").json()
                        .path("numbers").forEach(n -> numbers.add(n.path("number").asText()));
                assertEquals(NUMBERS_PER_ROUND, numbers.size(), "round " + kill + " found its numbers");
                numbers.addAll(stock.subList((kill - 1) * LOCAL_PER_ROUND, kill * LOCAL_PER_ROUND));
                java.util.Collections.shuffle(numbers, new java.util.Random(kill));

                Map<String, Integer> round = acquireUntilKilled(host, api, numbers);
                answered.clear();
                cutOff.clear();
                for (String number : numbers) {
                    Integer status = round.get(number);
                    if (status != null && status / 100 == 2) {
                        answered.put(number, status);
                    } else if (status == null) {
                        cutOff.add(number);
                    }
                }
                totalCutOff += cutOff.size();

                host = start();
                ApiClient after = api(host);
                for (String number : answered.keySet()) {
                    JsonNode stored = after.get("/api/numbers/" + number).json();
                    assertEquals("in_service", stored.path("state").asText(), "kill " + kill + ": " + stored);
                }
                for (String number : numbers) {
                    assertStateMatchesHistory(after, number, kill);
                }
                for (String number : cutOff) {
                    ApiClient.Reply again = after.post("/api/numbers/" + number + "/acquire", ACQUIRE);
                    assertFalse(again.status() == 409 && again.text().contains("being changed by another request"),
                            "kill " + kill + ": " + number + " is still locked: " + again.text());
                    assertTrue(again.status() / 100 == 2 || again.status() == 409, "kill " + kill + ": " + again.text());
                    assertStateMatchesHistory(after, number, kill);
                }
            }
        } finally {
            host.close();
        }
        assertTrue(totalCutOff > 0, "at least one acquire was cut off by a kill, so the test saw the case it is for");
    }

    /** Eight clients acquire {@code numbers}; once some are answered, SIGKILL. Answered statuses by number. */
    private static Map<String, Integer> acquireUntilKilled(HostProcess host, ApiClient api, List<String> numbers)
            throws Exception {
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (String number : numbers) {
                clients.execute(() -> {
                    try {
                        int status = api.post("/api/numbers/" + number + "/acquire", ACQUIRE).status();
                        statuses.put(number, status);
                        if (status / 100 == 2) {
                            ok.incrementAndGet();
                        }
                    } catch (RuntimeException cutOffByTheKill) {
                        // No answer: the host died during this acquire.
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ok.get() < ANSWERED_BEFORE_KILL && System.nanoTime() < deadline) {
                Await.pause(5);
            }
            host.kill();
        } finally {
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients ended after the kill");
        }
        return statuses;
    }

    private static void assertStateMatchesHistory(ApiClient api, String number, int kill) {
        JsonNode stored = api.get("/api/numbers/" + number).json();
        JsonNode history = stored.path("history");
        if (history.isArray() && history.size() > 0) {
            assertEquals(stored.path("state").asText(), history.get(history.size() - 1).path("to").asText(),
                    "kill " + kill + ": state and history of " + number + " disagree: " + stored);
        }
    }

    private HostProcess start() throws Exception {
        List<String> sets = new ArrayList<>(List.of("carrier.mock.latency_ms=" + LATENCY_MS));
        store.forEach((key, value) -> sets.add(key + "=" + value));
        HostProcess host = HostProcess.start(plugins, data, sets.toArray(String[]::new));
        assertNotNull(host.awaitUrl(), () -> "the host started; it printed:\n" + host.output());
        return host;
    }

    private static ApiClient api(HostProcess host) throws Exception {
        return new ApiClient(host.awaitUrl(), TestHosts.ADMIN_TOKEN);
    }
}
