package org.carrierhost.host.holds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Databases;
import org.carrierhost.host.HostProcess;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds on two hosts sharing one PostgreSQL database, both running reapers, driven over real HTTP; the mock carrier
 * on each holds numbers itself. A hold expires once, with one release at the carrier, whichever host's reaper leases
 * it; a host killed (SIGKILL) while it releases leaves the other to finish once its lease lapses.
 */
class HoldClusterTest {

    private static final String REAPER_MS = "200";

    @TempDir
    Path root;
    private TestDatabase database;
    private final List<CarrierHost> hosts = new ArrayList<>();

    @BeforeEach
    void database() {
        database = Databases.createPostgres();
    }

    @AfterEach
    void stop() {
        hosts.forEach(CarrierHost::close);
        Databases.drop(database);
    }

    @Test
    void aTwoSecondHoldExpiresOnceWithOneReleaseAndIsSearchableAgainWithinAReaperInterval() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");
        String number = offered(a);
        JsonNode hold = ok(a.post("/api/holds", hold(number, "acct-1", 2))).json();
        String id = hold.path("id").asText();
        assertEquals("carrier", hold.path("numbers").get(0).path("kind").asText());

        Reply other = b.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-2\"}");
        assertEquals(409, other.status(), other.text());
        assertTrue(other.text().contains(id), other.text());
        assertFalse(searchFinds(b, number, "acct-2"), "held: not offered to another account");

        Await.until(Duration.ofSeconds(20), () -> "expired".equals(b.get("/api/holds/" + id).json().path("state").asText()),
                () -> b.get("/api/holds/" + id).text());
        Instant seen = Instant.now();

        assertTrue(searchFinds(b, number, "acct-2"), "searchable again once expired");
        Duration late = Duration.between(Instant.parse(hold.path("expires_at").asText()), seen);
        assertTrue(late.compareTo(Duration.ofMillis(2000)) < 0, "expired " + late.toMillis() + " ms after its end; reaper interval " + REAPER_MS);
        Await.pause(1000); // more rounds on each host: still one release, one expiry
        assertEquals(1.0, releases(hosts.get(0)) + releases(hosts.get(1)), "one release at the carrier");
        Await.until(Duration.ofSeconds(10), () -> events(a, "hold-expired", id) == 1,
                () -> events(a, "hold-expired", id) + " hold-expired entries");
    }

    @Test
    void theHoldingAccountAcquiresThroughTheOtherHostWithItsHoldIdAndNothingIsReleased() throws Exception {
        ApiClient a = host("a");
        ApiClient b = host("b");
        String number = offered(a);
        String id = ok(a.post("/api/holds", hold(number, "acct-1", 60))).json().path("id").asText();

        Reply acquired = b.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\",\"hold_id\":\"" + id + "\"}");

        assertEquals(200, acquired.status(), acquired.text());
        assertEquals("consumed", a.get("/api/holds/" + id).json().path("state").asText());
        assertEquals(0.0, releases(hosts.get(0)) + releases(hosts.get(1)));
        // The audit entry is journalled before the answer and reaches the database by the audit writer, soon after.
        Await.until(Duration.ofSeconds(10), () -> events(a, "hold-consumed", id) == 1,
                () -> events(a, "hold-consumed", id) + " hold-consumed entries");
    }

    @Test
    void aReaperKilledMidReleaseLeavesTheOtherHostToFinishAfterItsLease() throws Exception {
        Path plugins = Files.createDirectories(root.resolve("killed-plugins"));
        TestPlugins.copyMock(plugins);
        List<String> sets = new ArrayList<>();
        settings("killed", Map.of("carrier.mock.release_latency_ms", "120000")).forEach((k, v) -> sets.add(k + "=" + v));
        String id;
        try (HostProcess killed = HostProcess.start(plugins, Files.createDirectories(root.resolve("killed-data")),
                sets.toArray(String[]::new))) {
            String url = killed.awaitUrl();
            assertTrue(url != null, killed.output());
            ApiClient a = new ApiClient(url, TestHosts.ADMIN_TOKEN);
            String hold = ok(a.post("/api/holds", hold(offered(a), "acct-1", 1))).json().path("id").asText();
            Await.until(Duration.ofSeconds(20), () -> leased(hold), () -> "hold " + hold + " was never leased");
            Await.pause(300); // its release at the mock is under way (it takes two minutes)

            killed.kill();
            id = hold;
        }
        Instant killedAt = Instant.now();
        ApiClient b = host("b");

        Await.until(Duration.ofSeconds(30), () -> "expired".equals(b.get("/api/holds/" + id).json().path("state").asText()),
                () -> b.get("/api/holds/" + id).text());

        assertTrue(Duration.between(killedAt, Instant.now()).toMillis() >= 1000, "it waited for the lease to lapse");
        assertEquals(1.0, releases(hosts.get(0)), "the other host released it (its carrier no longer knew it: released)");
        assertEquals(1, events(b, "hold-expired", id));
    }

    private boolean leased(String id) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement("SELECT lease_token FROM holds WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null;
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, String> settings(String node, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>(database.settings());
        settings.put("cluster.node_id", node);
        settings.put("numbers.reaper_ms", REAPER_MS);
        settings.put("numbers.hold_lease_ms", "3000");
        settings.put("carrier.mock.reservations", "true");
        settings.putAll(extra);
        return settings;
    }

    private ApiClient host(String node) throws Exception {
        Path plugins = Files.createDirectories(root.resolve(node + "-plugins"));
        TestPlugins.copyMock(plugins);
        CarrierHost host = TestHosts.start(plugins, Files.createDirectories(root.resolve(node + "-data")), settings(node, Map.of()));
        hosts.add(host);
        return ApiClient.of(host);
    }

    private static String hold(String number, String account, int ttl) {
        return "{\"numbers\":[\"" + number + "\"],\"account_id\":\"" + account + "\",\"ttl_s\":" + ttl + "}";
    }

    private static String offered(ApiClient api) {
        return ok(api.get("/api/numbers?prefix=%2B1646&quantity=1&carriers=mock")).json().path("numbers").get(0).path("number").asText();
    }

    private static boolean searchFinds(ApiClient api, String number, String account) {
        return ok(api.get("/api/numbers?prefix=%2B1646&quantity=5&carriers=mock&account_id=" + account)).text().contains(number);
    }

    private static double releases(CarrierHost host) {
        return host.meters().find("carrierhost.carrier.calls").tags("carrier", "mock", "operation", "release").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static long events(ApiClient api, String action, String id) {
        long n = 0;
        for (JsonNode e : ok(api.get("/api/events?action=" + action + "&limit=100")).json()) {
            if (e.path("target").asText().startsWith(id)) {
                n++;
            }
        }
        return n;
    }

    private static Reply ok(Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }
}
