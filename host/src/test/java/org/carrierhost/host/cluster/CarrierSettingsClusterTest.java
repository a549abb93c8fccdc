package org.carrierhost.host.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.store.Database;
import org.carrierhost.host.store.SecretBox;
import org.carrierhost.simulator.BandwidthSimulator;
import org.carrierhost.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: Bandwidth's settings changed through one host's API take effect on a second host of the same
 * database, which holds the password only sealed; on H2 and on PostgreSQL.
 */
class CarrierSettingsClusterTest {

    private static final String PASSWORD = "sim-password-7f3a";
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path root;
    private TestDatabase database;
    private BandwidthSimulator simulator;
    private final List<CarrierHost> hosts = new ArrayList<>();

    @BeforeEach
    void start(TestDatabase db) throws Exception {
        database = db;
        simulator = BandwidthSimulator.start(SimulatorSettings.defaults().withCredentials("carrier", PASSWORD));
    }

    @AfterEach
    void stop() {
        hosts.forEach(CarrierHost::close);
        simulator.close();
    }

    private ApiClient host(String node) throws Exception {
        Path plugins = Files.createDirectories(root.resolve(node + "-plugins"));
        TestPlugins.copyBuilt(plugins, "bandwidth");
        Map<String, String> settings = new LinkedHashMap<>(database.settings());
        settings.put("cluster.node_id", node);
        settings.put("cluster.check_ms", "200");
        settings.put("cluster.heartbeat_ms", "200");
        CarrierHost host = TestHosts.start(plugins, Files.createDirectories(root.resolve(node + "-data")), settings);
        hosts.add(host);
        return ApiClient.of(host);
    }

    /** Host {@code node}, started with a copy of host {@code first}'s settings key: every host of one database holds the same. */
    private ApiClient hostWithTheKeyOf(String first, String node) throws Exception {
        Files.createDirectories(root.resolve(node + "-data"));
        Files.copy(root.resolve(first + "-data").resolve(SecretBox.FILE), root.resolve(node + "-data").resolve(SecretBox.FILE));
        return host(node);
    }

    private static boolean serves(ApiClient api) {
        return serves(api, "bandwidth");
    }

    private static boolean serves(ApiClient api, String carrier) {
        Reply reply = api.get("/api/numbers?prefix=919&quantity=1&carriers=" + carrier);
        return reply.status() == 200 && reply.json().path("numbers").size() == 1;
    }

    @BothDatabases
    void settingsPutOnOneHostMakeTheOtherServeAndTheDatabaseHoldsNoSecretInClear() throws Exception {
        ApiClient a = host("a");
        ApiClient b = hostWithTheKeyOf("a", "b");
        assertFalse(serves(b));

        String body = "{\"base_url\":\"" + simulator.baseUrl() + "\",\"account_id\":\"" + simulator.settings().account()
                + "\",\"username\":\"carrier\",\"password\":\"" + PASSWORD + "\"}";
        Reply put = a.send("PUT", "/api/carriers/bandwidth/settings", body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertEquals(200, put.status(), put.text());
        assertTrue(serves(a));
        Await.until(WITHIN, () -> serves(b), () -> b.get("/api/carriers/bandwidth").text());
        String stored = storedRows();
        assertTrue(stored.contains("password"), stored);
        assertFalse(stored.contains(PASSWORD), stored);
        assertTrue(stored.contains(simulator.baseUrl()), stored);
    }

    @BothDatabases
    void anInstanceCreatedOnOneHostServesOnTheOtherUntilItIsRemoved() throws Exception {
        ApiClient a = host("a");
        ApiClient b = hostWithTheKeyOf("a", "b");

        String body = "{\"id\":\"bw-east\",\"settings\":{\"base_url\":\"" + simulator.baseUrl() + "\",\"account_id\":\""
                + simulator.settings().account() + "\",\"username\":\"carrier\",\"password\":\"" + PASSWORD + "\"}}";
        Reply created = a.send("POST", "/api/carriers/bandwidth/instances", body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertEquals(201, created.status(), created.text());
        assertTrue(serves(a, "bw-east"));
        Await.until(WITHIN, () -> serves(b, "bw-east"), () -> b.get("/api/carriers/bw-east").text());
        assertEquals("bandwidth", b.get("/api/carriers/bw-east").json().path("plugin").asText());
        assertFalse(storedRows().contains(PASSWORD));

        Reply removed = a.send("DELETE", "/api/carriers/bw-east", new byte[0], "application/json");

        assertEquals(200, removed.status(), removed.text());
        Await.until(WITHIN, () -> "UNLOADED".equals(b.get("/api/carriers/bw-east").json().path("state").asText()),
                () -> b.get("/api/carriers/bw-east").text());
        assertFalse(storedRows().contains("bw-east"), storedRows());
    }

    /** Every row of {@code carrier_settings}, as text. */
    private String storedRows() throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Database db = database.open(); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT carrier, setting_key, stored_value, secret FROM carrier_settings")) {
            while (r.next()) {
                rows.append(r.getString(1)).append(' ').append(r.getString(2)).append(' ').append(r.getString(3))
                        .append(' ').append(r.getBoolean(4)).append('\n');
            }
        }
        return rows.toString();
    }
}
