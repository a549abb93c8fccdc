package org.carrierhost.host.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Databases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code carrier.<id>.reconcile_every_ms} on two hosts sharing one PostgreSQL database: the mock carrier is reconciled
 * that often by one host at a time, not by each.
 */
class ScheduledReconcileTest {

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
    void aScheduledReconciliationRunsOnOneHostOfTheClusterAtATime() throws Exception {
        ApiClient a = host("a");
        host("b");

        Await.until(java.time.Duration.ofSeconds(20), () -> !reports(a).isEmpty(), () -> "no scheduled run");
        int first = reports(a).size();
        Await.pause(6000);

        List<JsonNode> kept = reports(a);
        kept.forEach(r -> assertEquals("scheduler", r.path("actor").asText()));
        int runs = kept.size() - first;
        assertTrue(runs >= 3 && runs <= 8, runs + " runs in 6 s at one a second; two hosts each running it would make about 12");
        for (int i = 1; i < kept.size(); i++) {
            long gap = java.time.Duration.between(java.time.Instant.parse(kept.get(i).path("at").asText()),
                    java.time.Instant.parse(kept.get(i - 1).path("at").asText())).toMillis();
            assertTrue(gap >= 400, "runs " + gap + " ms apart at one a second: two hosts took the same run");
        }
    }

    private static List<JsonNode> reports(ApiClient api) {
        List<JsonNode> reports = new ArrayList<>();
        api.get("/api/carriers/mock/reconcile").json().path("reports").forEach(reports::add);
        return reports;
    }

    private ApiClient host(String node) throws Exception {
        Path plugins = Files.createDirectories(root.resolve(node + "-plugins"));
        TestPlugins.copyMock(plugins);
        Map<String, String> settings = new LinkedHashMap<>(database.settings());
        settings.put("cluster.node_id", node);
        settings.put("numbers.reaper_ms", "100");
        settings.put("carrier.mock.reconcile_every_ms", "1000");
        CarrierHost host = TestHosts.start(plugins, Files.createDirectories(root.resolve(node + "-data")), settings);
        hosts.add(host);
        return ApiClient.of(host);
    }
}
