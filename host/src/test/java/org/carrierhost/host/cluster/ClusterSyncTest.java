package org.carrierhost.host.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.CarrierStateChanged;
import org.carrierhost.host.events.HostEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two (or three) real hosts in one JVM on one shared database, each with its own drop-in and data
 * directories, driven over real HTTP: what an operator does on one reaches the other through the change
 * log, PostgreSQL's notifications and the periodic check. Each test runs on H2 (both hosts open one
 * database file; the periodic check alone carries the changes) and on PostgreSQL (see {@link BothDatabases}).
 */
class ClusterSyncTest {

    private static final String ZIP = "application/zip";
    /** The check interval of these hosts; a change must reach the other host within a few of them. */
    private static final Duration WITHIN = Duration.ofSeconds(3);

    @TempDir
    Path root;
    private TestDatabase database;
    private final List<CarrierHost> hosts = new ArrayList<>();

    @BeforeEach
    void database(TestDatabase db) {
        database = db;
    }

    @AfterEach
    void stop() {
        hosts.forEach(CarrierHost::close);
    }

    /** A host named {@code node} with the mock carrier dropped into its own directory. */
    private ApiClient host(String node) throws Exception {
        return host(node, Map.of());
    }

    private ApiClient host(String node, Map<String, String> extra) throws Exception {
        Path plugins = Files.createDirectories(root.resolve(extra.getOrDefault("test.plugins_folder", node) + "-plugins"));
        if (!Files.exists(plugins.resolve("carrier-mock-1.0.0.zip"))) {
            TestPlugins.copyMock(plugins);
        }
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.putAll(database.settings());
        settings.put("cluster.node_id", node);
        settings.put("cluster.check_ms", "200");
        settings.put("cluster.heartbeat_ms", "200");
        extra.forEach((key, value) -> {
            if (!key.startsWith("test.")) {
                settings.put(key, value);
            }
        });
        CarrierHost host = TestHosts.start(plugins, Files.createDirectories(root.resolve(node + "-data")), settings);
        hosts.add(host);
        return ApiClient.of(host);
    }

    private static boolean serves(ApiClient api, String carrier) {
        Reply reply = api.get("/api/numbers?prefix=415&quantity=1&carriers=" + carrier);
        return reply.status() == 200 && reply.json().path("numbers").size() == 1;
    }

    private static JsonNode carrier(ApiClient api, String id) {
        return api.get("/api/carriers/" + id).json();
    }

    private byte[] variant(String id, String version) throws Exception {
        return Files.readAllBytes(TestPlugins.mockVariant(Files.createDirectories(root.resolve("elsewhere")), id, version));
    }

    @BothDatabases
    void aZipInstalledOnOneHostServesOnTheOtherFromTheClusterSource() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");

        Reply installed = a.send("POST", "/api/carriers", variant("uploaded", "2.0.0"), ZIP);

        assertEquals(200, installed.status(), installed.text());
        Await.until(WITHIN, () -> serves(b, "uploaded"), () -> carrier(b, "uploaded").toString());
        assertEquals("cluster", carrier(b, "uploaded").path("source").asText());
        assertEquals("2.0.0", carrier(b, "uploaded").path("version").asText());
        assertEquals(installed.json().path("sha256").asText(), carrier(b, "uploaded").path("sha256").asText());
        assertEquals("directory", carrier(b, "mock").path("source").asText());
    }

    @BothDatabases
    void aDisableOnOneHostStopsTheCarrierOnTheOtherAndAnEnableBringsItBack() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");

        assertEquals(200, b.post("/api/carriers/mock/disable", "").status());
        Await.until(WITHIN, () -> !serves(a, "mock"), () -> carrier(a, "mock").toString());
        assertEquals("DISABLED", carrier(a, "mock").path("state").asText());

        assertEquals(200, a.post("/api/carriers/mock/enable", "").status());
        Await.until(WITHIN, () -> serves(b, "mock"), () -> carrier(b, "mock").toString());
        assertTrue(serves(a, "mock"));
    }

    @BothDatabases
    void aReloadOnOneHostLoadsAFreshGenerationOnTheOther() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");
        CarrierHost hostB = hosts.get(1);
        long loadsBefore = TestHosts.eventCount(hostB, "load", "mock");

        assertEquals(200, a.post("/api/carriers/mock/reload", "").status());

        Await.until(WITHIN, () -> hostB.events().recent(200).stream().anyMatch(e -> "b".equals(e.node())
                && e.action().equals("reload") && e.actor().equals("cluster:a")), () -> hostB.events().recent(20).toString());
        assertTrue(TestHosts.eventCount(hostB, "load", "mock") > loadsBefore);
        assertTrue(serves(b, "mock"));
    }

    @BothDatabases
    void aRedeploySeenByTheWatcherGivesTheSameTimedEventsAsAnHttpReloadOnBothHosts() throws Exception {
        ApiClient a = host("a");
        host("b");
        Steps onA = new Steps(hosts.get(0));
        Steps onB = new Steps(hosts.get(1));

        assertEquals(200, a.post("/api/carriers/mock/reload", "").status());
        List<String> askedOnA = onA.untilReload("api:admin");
        List<String> followedOnB = onB.untilReload("cluster:a");

        TestPlugins.rewrite(TestPlugins.mockZip(), root.resolve("a-plugins/carrier-mock-1.0.0.zip"), Map.of("plugin.properties",
                text -> text.replaceAll("(?m)^plugin.version=.*$", "plugin.version=1.0.1")));
        List<String> seenOnA = onA.untilReload("watcher");
        List<String> seenFollowedOnB = onB.untilReload("cluster:a");

        assertEquals(List.of("load", "start", "swap", "STARTED->STARTED", "stop", "unload", "reload"), askedOnA);
        assertEquals(askedOnA, seenOnA, "a redeploy seen by the watcher is the same reload");
        assertEquals(askedOnA, followedOnB);
        assertEquals(askedOnA, seenFollowedOnB, "and reaches the other host the same way");
    }

    /**
     * One host's lifecycle steps and transitions for the mock carrier, as they are raised: each step by its
     * action, each transition as {@code FROM->TO}; every transition and the closing reload must say how long
     * they took.
     */
    private static final class Steps {

        private final BlockingQueue<org.carrierhost.host.events.HostEvent> raised =
                new LinkedBlockingQueue<>();

        Steps(CarrierHost host) {
            host.hostEvents().addListener(e -> {
                if (e instanceof CarrierEvent c && c.target().startsWith("mock")) {
                    raised.add(e);
                } else if (e instanceof CarrierStateChanged c && c.carrier().equals("mock")) {
                    raised.add(e);
                }
            });
        }

        /** The steps raised from now until a reload by {@code actor} ends them. */
        List<String> untilReload(String actor) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            while (true) {
                HostEvent e = raised.poll(WITHIN.toMillis() * 3, TimeUnit.MILLISECONDS);
                if (e == null) {
                    throw new AssertionError("no reload by " + actor + " after " + seen);
                }
                if (e instanceof CarrierStateChanged c) {
                    assertTrue(c.took() != null && !c.took().isNegative(), c.toString());
                    seen.add(c.from() + "->" + c.to());
                    continue;
                }
                CarrierEvent c = (CarrierEvent) e;
                seen.add(c.action().wireName() + (c.succeeded() ? "" : ":failed"));
                if (c.action() == CarrierAction.RELOAD) {
                    assertEquals(actor, c.actor(), seen.toString());
                    assertTrue(c.took() != null, "the reload says how long it took: " + c);
                    return seen;
                }
            }
        }
    }

    @BothDatabases
    void anInstallOfTheDropInsOwnZipUnloadsNothingOnTwoHostsSharingOnePluginsFolder() throws Exception {
        Map<String, String> shared = Map.of("test.plugins_folder", "shared");
        ApiClient a = host("a", shared);
        ApiClient b = host("b", shared);
        CarrierHost hostB = hosts.get(1);
        Path dropIn = root.resolve("shared-plugins/carrier-mock-1.0.0.zip");
        byte[] dropped = Files.readAllBytes(dropIn);

        Reply installed = a.send("POST", "/api/carriers", dropped, ZIP);

        assertEquals(200, installed.status(), installed.text());
        Await.until(WITHIN, () -> carrier(b, "mock").path("shadowed").size() == 1, () -> carrier(b, "mock").toString());
        Await.pause(600);
        hosts.forEach(h -> ((org.carrierhost.host.events.AuditLog) h.events()).flush());
        for (CarrierHost host : hosts) {
            assertEquals(0, TestHosts.eventCount(host, "unload", "mock"), host.events().recent(30).toString());
        }
        assertTrue(Files.exists(dropIn), "the drop-in stays");
        assertTrue(serves(a, "mock") && serves(b, "mock"));
        assertEquals("directory", carrier(b, "mock").path("source").asText());
    }

    @BothDatabases
    void aRemoveOnOneHostRemovesTheInstalledCarrierOnTheOtherAndItsStoredZip() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");
        assertEquals(200, a.send("POST", "/api/carriers", variant("uploaded", "2.0.0"), ZIP).status());
        Await.until(WITHIN, () -> serves(b, "uploaded"), () -> carrier(b, "uploaded").toString());

        assertEquals(200, b.send("DELETE", "/api/carriers/uploaded", new byte[0], ZIP).status());

        Path copyOnA = root.resolve("a-data/cluster-plugins/carrier-uploaded-2.0.0.zip");
        Await.until(WITHIN, () -> !serves(a, "uploaded") && !Files.exists(copyOnA), () -> carrier(a, "uploaded").toString());
        ApiClient late = host("c");
        Await.pause(600);
        assertFalse(serves(late, "uploaded"), "a host started after the removal does not deploy it");
    }

    @BothDatabases
    void aZipDroppedIntoOneHostsDirectoryStaysThatHostsOwn() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");

        TestPlugins.mockVariant(root.resolve("a-plugins"), "dropped", "1.0.0");

        Await.until(WITHIN, () -> serves(a, "dropped"), () -> carrier(a, "dropped").toString());
        assertEquals("directory", carrier(a, "dropped").path("source").asText());
        Await.pause(800);
        assertEquals(404, b.get("/api/carriers/dropped").status());
    }

    @BothDatabases
    void aHostStartedLaterCatchesUpWithInstallsAndStates() throws Exception {
        ApiClient a = host("a");
        assertEquals(200, a.send("POST", "/api/carriers", variant("uploaded", "2.0.0"), ZIP).status());
        assertEquals(200, a.post("/api/carriers/mock/disable", "").status());

        ApiClient b = host("b");

        assertTrue(serves(b, "uploaded"), "deployed before the host serves");
        assertEquals("DISABLED", carrier(b, "mock").path("state").asText());
    }

    @BothDatabases
    void eventsCarryTheirNodeAndEveryHostShowsTheWholeClusters() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");

        assertEquals(200, a.post("/api/carriers/mock/reload", "").status());
        hosts.forEach(h -> ((org.carrierhost.host.events.AuditLog) h.events()).flush());

        JsonNode events = b.get("/api/events?limit=1000").json();
        List<String> nodes = new ArrayList<>();
        events.forEach(e -> nodes.add(e.path("node").asText()));
        assertTrue(nodes.contains("a") && nodes.contains("b"), nodes.toString());
        boolean reloadOnA = false;
        for (JsonNode e : events) {
            reloadOnA |= e.path("node").asText().equals("a") && e.path("action").asText().equals("reload")
                    && e.path("actor").asText().equals("api:admin");
        }
        assertTrue(reloadOnA, events.toString());
    }

    @BothDatabases
    void theClusterRouteListsEveryNodeWithItsCarriersAndWhetherItIsUp() throws Exception {
        ApiClient a = host("a");
        host("b");
        Await.pause(400);

        Reply cluster = a.get("/api/cluster");

        assertEquals(200, cluster.status(), cluster.text());
        assertEquals("a", cluster.json().path("node").asText());
        JsonNode nodes = cluster.json().path("nodes");
        assertEquals(2, nodes.size(), cluster.text());
        for (JsonNode node : nodes) {
            assertTrue(node.path("up").asBoolean(), cluster.text());
            assertTrue(node.path("address").asText().startsWith("http://127.0.0.1:"), cluster.text());
            assertFalse(node.path("version").asText().isEmpty());
            JsonNode mock = node.path("carriers").get(0);
            assertEquals("mock", mock.path("id").asText(), cluster.text());
            assertEquals("1.0.0", mock.path("version").asText());
            assertEquals("STARTED", mock.path("state").asText());
        }
    }

    @BothDatabases
    void aStoppedNodeIsShownDownOnceItsHeartbeatIsOld() throws Exception {
        ApiClient a = host("a", Map.of("cluster.down_after_ms", "600"));
        host("b");
        Await.pause(300);
        assertTrue(a.get("/api/cluster").json().path("nodes").get(1).path("up").asBoolean());
        hosts.remove(1).close();

        Await.until(Duration.ofSeconds(10), () -> {
            for (JsonNode node : a.get("/api/cluster").json().path("nodes")) {
                if (node.path("node").asText().equals("b")) {
                    return !node.path("up").asBoolean();
                }
            }
            return false;
        }, () -> a.get("/api/cluster").text());
    }

    /** Node {@code id} as {@code api}'s cluster view shows it, or null when it is not listed. */
    private static JsonNode node(ApiClient api, String id) {
        for (JsonNode node : api.get("/api/cluster").json().path("nodes")) {
            if (node.path("node").asText().equals(id)) {
                return node;
            }
        }
        return null;
    }

    /** Whether {@code api}'s audit log has an entry of {@code action} whose target starts with {@code node}. */
    private boolean audited(ApiClient api, String action, String node) {
        hosts.forEach(h -> ((org.carrierhost.host.events.AuditLog) h.events()).flush());
        for (JsonNode e : api.get("/api/events?action=" + action).json()) {
            if (e.path("target").asText().startsWith(node + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Starts a with {@code settings} and b, then stops b and waits until a shows it down. */
    private ApiClient withBDown(Map<String, String> settings) throws Exception {
        ApiClient a = host("a", settings);
        host("b");
        Await.pause(300);
        hosts.remove(1).close();
        Await.until(Duration.ofSeconds(10), () -> {
            JsonNode b = node(a, "b");
            return b == null || !b.path("up").asBoolean();
        }, () -> a.get("/api/cluster").text());
        return a;
    }

    @BothDatabases
    void aDownNodesCarriersAreUnknownWithTheStateItLastReported() throws Exception {
        ApiClient a = withBDown(Map.of("cluster.down_after_ms", "600"));

        JsonNode mockOnB = node(a, "b").path("carriers").get(0);
        JsonNode mockOnA = node(a, "a").path("carriers").get(0);

        assertEquals("UNKNOWN", mockOnB.path("state").asText(), mockOnB.toString());
        assertEquals("STARTED", mockOnB.path("last_state").asText(), mockOnB.toString());
        assertEquals("STARTED", mockOnA.path("state").asText(), mockOnA.toString());
    }

    @BothDatabases
    void aNodeDownLongerThanTheSettingLeavesTheViewAndTheLogSaysSo() throws Exception {
        ApiClient a = withBDown(Map.of("cluster.down_after_ms", "600", "cluster.forget_after_ms", "1500"));

        Await.until(Duration.ofSeconds(10), () -> node(a, "b") == null, () -> a.get("/api/cluster").text());

        assertEquals(1, a.get("/api/cluster").json().path("nodes").size());
        assertTrue(audited(a, "forget-node", "b"));
    }

    @BothDatabases
    void anOperatorRemovesADownNodeAtOnceAudited() throws Exception {
        ApiClient a = withBDown(Map.of("cluster.down_after_ms", "600"));

        Reply removed = a.send("DELETE", "/api/cluster/nodes/b", new byte[0], "application/json");

        assertEquals(200, removed.status(), removed.text());
        assertEquals(1, removed.json().path("nodes").size(), removed.text());
        assertEquals(null, node(a, "b"));
        assertTrue(audited(a, "remove-node", "b"));
        assertEquals(404, a.send("DELETE", "/api/cluster/nodes/b", new byte[0], "application/json").status());
    }

    @BothDatabases
    void aNodeThatIsUpIsNotRemoved() throws Exception {
        ApiClient a = host("a");
        host("b");
        Await.pause(300);

        Reply refused = a.send("DELETE", "/api/cluster/nodes/b", new byte[0], "application/json");

        assertEquals(409, refused.status(), refused.text());
        assertTrue(refused.json().path("error").path("cause").asText().contains("is up"), refused.text());
        assertTrue(node(a, "b").path("up").asBoolean());
    }
}
