package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.HostThreads;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An isolated carrier's lifecycle goes through the same verbs as any other, across processes: a reload starts the
 * new version's process beside the old one, serves from it, then ends the old process, with no failed search
 * meanwhile; a disable ends its process, and with it what the carrier started (10,000 parked threads here; a
 * thread that spins a CPU once stopped, under search load, in {@link HostileContainmentTest}); a reload lifts a
 * quarantine and starts a fresh process; closing the host ends its process and the host's threads that watched it
 * at once.
 */
@RunsAlone
class IsolatedLifecycleTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aReloadUnderSearchesSwapsProcessesWithNoFailedSearchAndEndsTheOldOne() throws Exception {
        TestPlugins.copyMock(plugins);
        ExecutorService load = Executors.newFixedThreadPool(2);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.mock.isolation", "process"))) {
            ApiClient api = ApiClient.of(host);
            long before = pid(api);
            for (int i = 0; i < 2; i++) {
                load.submit(() -> {
                    while (running.get()) {
                        ApiClient.Reply reply = api.get("/api/numbers?prefix=415&quantity=2&carriers=mock");
                        searches.incrementAndGet();
                        if (reply.status() != 200 || reply.json().path("numbers").size() != 2) {
                            failed.add(reply.text());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(300);
            ApiClient.Reply reloaded = api.post("/api/carriers/mock/reload", "");
            assertEquals(200, reloaded.status(), reloaded.text());
            Thread.sleep(300);
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(10, TimeUnit.SECONDS));

            long after = pid(api);
            assertNotEquals(before, after, "the reload started a new process");
            assertTrue(ended(before), "the old process " + before + " ended");
            assertTrue(searches.get() > 5, "searches: " + searches.get());
            assertTrue(failed.isEmpty(), failed.size() + " of " + searches.get() + " searches failed: " + failed.peek());

            assertEquals(200, api.post("/api/carriers/mock/disable", "").status());
            assertTrue(ended(after), "disabling ended the process " + after);
        } finally {
            running.set(false);
            load.shutdownNow();
        }
    }

    @Test
    void aReloadLiftsTheQuarantineOfACrashedCarrierAndStartsAFreshProcess() throws Exception {
        TestPlugins.hostile(plugins, "reflect", "HiddenExitInSearchCarrier");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.reflect.isolation", "process",
                "carrier.reflect.isolation.crash_limit", "1"))) {
            ApiClient api = ApiClient.of(host);
            long first = pid(api, "reflect");
            ApiClient.Reply search = api.get("/api/numbers?prefix=415&quantity=1&carriers=reflect");
            assertEquals(200, search.status(), search.text());
            assertEquals("carrier_unavailable", search.json().path("errors").path(0).path("error").asText(), search.text());
            assertTrue(search.json().path("errors").path(0).path("message").asText().startsWith("carrier process ended (exit 0)"),
                    search.text());
            JsonNode carrier = awaitState(api, "reflect", "QUARANTINED");
            assertTrue(carrier.path("error").path("message").asText().startsWith("crashed 1 times: exit 0"), carrier.toString());

            ApiClient.Reply reloaded = api.post("/api/carriers/reflect/reload", "");
            assertEquals(200, reloaded.status(), reloaded.text());
            assertEquals("STARTED", reloaded.json().path("state").asText(), reloaded.text());
            long fresh = reloaded.json().path("process").path("pid").asLong();
            assertTrue(fresh > 0 && fresh != first, reloaded.text());
            assertEquals(0, reloaded.json().path("process").path("restarts").asInt(), reloaded.text());
        }
    }

    @Test
    void theProcessOfACarrierThatParkedTenThousandThreadsEndsWhenItIsDisabled() throws Exception {
        TestPlugins.faulty(plugins, "threads", "TenThousandThreadsCarrier", null);
        int hostThreads = Thread.activeCount();
        // A process that does not stop within a second is killed: the one of 10,000 threads takes longer to sweep them.
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.threads.isolation", "process",
                "plugins.stop_timeout_ms", "1000"))) {
            ApiClient api = ApiClient.of(host);
            long threads = pid(api, "threads");
            assertTrue(ChildProcesses.threadsOf(threads) >= 10_000, "the carrier's process holds its 10,000 threads: "
                    + ChildProcesses.threadsOf(threads));
            assertTrue(Thread.activeCount() < hostThreads + 200, "the host's threads: " + Thread.activeCount()
                    + ", before it started: " + hostThreads);

            assertEquals(200, api.post("/api/carriers/threads/disable", "").status());
            assertTrue(ended(threads), "the process of 10,000 threads ended");
        }
    }

    @Test
    void closingTheHostEndsAnIsolatedCarriersProcessAndTheThreadsThatWatchedItAtOnce() throws Exception {
        TestPlugins.copyMock(plugins);
        Set<String> before = HostThreads.names();
        long pid;
        // A heartbeat of 30 s: its thread, asleep between beats, must not wait out its sleep.
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.mock.isolation", "process",
                "carrier.mock.isolation.heartbeat_ms", "30000"))) {
            pid = pid(ApiClient.of(host));
        }
        assertTrue(ended(pid), "closing the host ended the carrier's process " + pid);
        Await.until(Duration.ofSeconds(3), () -> watchers(before).isEmpty(), () -> "threads left: " + watchers(before));
    }

    /** The host's threads that watch a carrier's process (its reader, its stderr, its heartbeat) not in {@code before}. */
    private static Set<String> watchers(Set<String> before) {
        return HostThreads.newSince(before).stream()
                .filter(name -> name.startsWith("carrier-process-") || name.startsWith("carrier-heartbeat-"))
                .collect(Collectors.toSet());
    }

    private static long pid(ApiClient api) {
        return pid(api, "mock");
    }

    private static long pid(ApiClient api, String id) {
        return ChildProcesses.pid(api, id);
    }

    private static JsonNode awaitState(ApiClient api, String id, String state) throws InterruptedException {
        JsonNode carrier = null;
        for (int i = 0; i < 50; i++) {
            carrier = api.get("/api/carriers/" + id).json();
            if (state.equals(carrier.path("state").asText())) {
                return carrier;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not become " + state + ": " + carrier);
    }

    private static boolean ended(long pid) throws InterruptedException {
        return ChildProcesses.ended(pid);
    }
}
