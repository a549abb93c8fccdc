package org.carrierhost.host.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Databases;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A canary rollout on a cluster: two real hosts on one PostgreSQL database, each with mock 1.0.0 dropped in, and mock
 * 2.0.0 uploaded to host a (host b deploys it from the database, and follows the rollout a began). Searches of 100
 * accounts run on both; one host at a time judges each window of 1.5 s on the figures of both, and the other applies
 * what it stored: the two hosts' {@code rollout} in {@code GET /api/carriers/mock} agree within a second.
 */
@RunsAlone
class ClusterCanaryRolloutTest {

    /** How soon the other host must show what one host shows. */
    private static final long WITHIN_MS = 1000;

    @TempDir
    Path root;
    private TestDatabase database;
    private final List<CarrierHost> hosts = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> load = new ArrayList<>();
    private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    private ApiClient a;
    private ApiClient b;

    /** What host {@code host} showed of the mock's rollout at {@code nanos}. */
    private record Sample(String host, long nanos, int step, int weight, String status) {
    }

    @BeforeEach
    void twoHostsOnOnePostgresDatabase() {
        database = Databases.createPostgres();
    }

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }
        hosts.forEach(CarrierHost::close);
        Databases.drop(database);
    }

    private void start(String intervalMs) throws Exception {
        a = host("a", intervalMs);
        b = host("b", intervalMs);
    }

    private ApiClient host(String node, String intervalMs) throws Exception {
        Path plugins = Files.createDirectories(root.resolve(node + "-plugins"));
        TestPlugins.mockVariant(plugins, "mock", "1.0.0");
        Map<String, String> settings = ClusterNodes.settings(database, node);
        settings.put("carrier.mock.rollout", "canary");
        settings.put("carrier.mock.rollout.steps", "10,50,100");
        settings.put("carrier.mock.rollout.interval_ms", intervalMs);
        settings.put("carrier.mock.rollout.min_calls", "5");
        // No test here is about latency (see CanaryRolloutTest).
        settings.put("carrier.mock.rollout.p99_floor_ms", "5000");
        CarrierHost host = TestHosts.startServing(plugins, Files.createDirectories(root.resolve(node + "-data")), settings, "mock");
        hosts.add(host);
        return ApiClient.of(host);
    }

    /** Uploads mock 2.0.0 carrying {@code switches} to host a. */
    private void uploadV2ToA(String switches) throws Exception {
        Path zip = TestPlugins.mockWithSwitches(Files.createDirectories(root.resolve("elsewhere")), "mock", "2.0.0",
                "order_tag=-v2\n" + switches);
        Reply uploaded = a.send("POST", "/api/carriers", Files.readAllBytes(zip), "application/zip");
        assertEquals(200, uploaded.status(), uploaded.text());
    }

    /** Searches of accounts {@code acct-0} to {@code acct-99} on both hosts, and both hosts' rollout sampled, until the test ends. */
    private void searchesOnBothHostsSampled() {
        for (ApiClient api : List.of(a, b)) {
            background(() -> {
                for (int i = 0; running.get(); i++) {
                    api.get("/api/numbers?prefix=415&quantity=5&account_id=acct-" + (i % 100));
                }
            });
        }
        background(() -> {
            while (running.get()) {
                sample("a", a);
                sample("b", b);
            }
        });
    }

    private void sample(String name, ApiClient api) {
        JsonNode rollout = api.get("/api/carriers/mock").json().path("rollout");
        if (!rollout.isMissingNode()) {
            samples.add(new Sample(name, System.nanoTime(), rollout.path("step").asInt(), rollout.path("weight").asInt(),
                    rollout.path("status").asText()));
        }
    }

    private void background(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        load.add(thread);
    }

    private static JsonNode rollout(ApiClient api) {
        return api.get("/api/carriers/mock").json().path("rollout");
    }

    private static String version(ApiClient api) {
        return api.get("/api/carriers/mock").json().path("version").asText();
    }

    private void bothEnded() {
        Await.until(Duration.ofSeconds(30), () -> rollout(a).path("status").asText().matches("promoted|rolled_back")
                && rollout(b).path("status").asText().matches("promoted|rolled_back"), () -> rollout(a) + " / " + rollout(b));
    }

    /** When host {@code name} first showed a rollout that {@code shows} holds for, in nanoseconds. */
    private OptionalLong firstTime(String name, Predicate<Sample> shows) {
        return samples.stream().filter(s -> s.host().equals(name) && shows.test(s)).mapToLong(Sample::nanos).min();
    }

    /**
     * Asserts that both hosts first showed what {@code shows} holds for within {@link #WITHIN_MS} of each other, when
     * both showed the rollout running before; answers whether they did (so it was compared).
     */
    private boolean assertBothShowWithinASecond(String what, Predicate<Sample> shows) {
        Await.until(Duration.ofSeconds(2), () -> firstTime("a", shows).isPresent() && firstTime("b", shows).isPresent(),
                () -> what + " not sampled on both hosts");
        long bothRunning = Math.max(firstTime("a", s -> true).orElseThrow(), firstTime("b", s -> true).orElseThrow());
        OptionalLong onA = firstTime("a", shows);
        OptionalLong onB = firstTime("b", shows);
        assertTrue(onA.isPresent() && onB.isPresent(), what + " shown on both hosts");
        if (Math.min(onA.getAsLong(), onB.getAsLong()) <= bothRunning) {
            return false; // One host reached it before the other had v2 at all: nothing to compare.
        }
        long apartMs = Math.abs(onA.getAsLong() - onB.getAsLong()) / 1_000_000;
        assertTrue(apartMs <= WITHIN_MS, what + ": host a and host b " + apartMs + " ms apart");
        return true;
    }

    @Test
    void aCleanV2TakesEachStepOnBothHostsWithinASecondAndIsPromotedOnBoth() throws Exception {
        start("1500");
        searchesOnBothSampledAndV2Uploaded("");

        bothEnded();

        boolean compared = false;
        for (int step = 2; step <= 3; step++) {
            int atLeast = step;
            compared |= assertBothShowWithinASecond("step " + step, s -> s.step() >= atLeast);
        }
        compared |= assertBothShowWithinASecond("promoted", s -> s.status().equals("promoted"));
        assertTrue(compared, "at least one step change came while both hosts ran the canary");
        assertEquals("promoted", rollout(b).path("status").asText(), rollout(b).toString());
        assertEquals(100, rollout(b).path("weight").asInt());
        assertEquals("2.0.0", version(a), "v2 serves alone on a");
        assertEquals("2.0.0", version(b), "v2 serves alone on b");
    }

    private void searchesOnBothSampledAndV2Uploaded(String switches) throws Exception {
        searchesOnBothHostsSampled();
        uploadV2ToA(switches);
    }

    @Test
    void aV2ThatFaults30PercentOfSearchesIsRolledBackOnBothHostsWithinASecond() throws Exception {
        start("1500");
        searchesOnBothSampledAndV2Uploaded("search_fault_percent=30\n");

        bothEnded();

        assertBothShowWithinASecond("rolled back", s -> s.status().equals("rolled_back"));
        for (ApiClient api : List.of(a, b)) {
            assertEquals("rolled_back", rollout(api).path("status").asText(), rollout(api).toString());
            assertTrue(rollout(api).path("reason").asText().startsWith("error rate"), rollout(api).toString());
            assertEquals(0, rollout(api).path("weight").asInt());
            assertEquals("1.0.0", version(api), "v1 serves on");
        }
    }

    /** Both hosts, with v2 uploaded to a and running on both, its first step lasting a minute. */
    private void v2RunningOnBothForAMinute() throws Exception {
        start("60000");
        uploadV2ToA("");
        Await.until(Duration.ofSeconds(10), () -> "running".equals(rollout(b).path("status").asText()), () -> rollout(b).toString());
    }

    private static Reply act(ApiClient api, String action) {
        return api.post("/api/carriers/mock/rollout", "{\"action\":\"" + action + "\"}");
    }

    @Test
    void anOperatorsPauseOnOneHostPausesTheOtherWithinASecond() throws Exception {
        v2RunningOnBothForAMinute();

        Reply paused = act(b, "pause");

        assertEquals(200, paused.status(), paused.text());
        Await.until(Duration.ofMillis(WITHIN_MS), () -> "paused".equals(rollout(a).path("status").asText()), () -> rollout(a).toString());
        assertTrue(rollout(a).path("reason").asText().startsWith("paused by"), rollout(a).toString());
    }

    @Test
    void anOperatorsPromoteOnOneHostServesV2AloneOnTheOtherWithinASecond() throws Exception {
        v2RunningOnBothForAMinute();

        Reply promoted = act(a, "promote");

        assertEquals(200, promoted.status(), promoted.text());
        Await.until(Duration.ofMillis(WITHIN_MS), () -> "2.0.0".equals(version(b)), () -> b.get("/api/carriers/mock").text());
        assertEquals("promoted", rollout(b).path("status").asText(), rollout(b).toString());
        assertEquals(409, act(b, "abort").status(), "no rollout left running on b");
    }
}
