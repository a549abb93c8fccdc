package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Databases;
import org.carrierhost.host.H2TcpServer;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose database goes away keeps answering the reads it can (liveness, the carriers, searches of
 * remote carriers), is not ready, refuses every change with {@code 503 carrier_unavailable} naming the
 * database, and serves changes again by itself once the database is back. On H2 over TCP (its server
 * stopped) and on PostgreSQL (connections refused and the open ones terminated).
 */
class DatabaseLossTest {

    private static final String HELD = "+14159000000";
    private static final String STOCK = "{\"carrier\":\"local\",\"numbers\":[\"+14155550100\"]}";
    private static final String ACQUIRE = "{\"account_id\":\"acct-1\"}";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path h2Files;

    /** How a test takes its database away and gives it back. */
    private interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    @Test
    void onH2OverTcpReadsGoOnChangesAre503NamingTheDatabaseAndTheHostRecovers() throws Exception {
        try (H2TcpServer h2 = H2TcpServer.start(h2Files)) {
            losingTheDatabase(Map.of("store.jdbc_url", h2.url()), new Outage() {
                @Override
                public void begin() {
                    h2.stop();
                }

                @Override
                public void end() throws Exception {
                    h2.restart();
                }
            });
        }
    }

    @Test
    void onPostgresReadsGoOnChangesAre503NamingTheDatabaseAndTheHostRecovers() throws Exception {
        TestDatabase pg = Databases.createPostgres();
        String name = pg.jdbcUrl().substring(pg.jdbcUrl().lastIndexOf('/') + 1);
        try {
            losingTheDatabase(pg.settings(), new Outage() {
                @Override
                public void begin() throws Exception {
                    admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                    admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                }

                @Override
                public void end() throws Exception {
                    admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
                }
            });
        } finally {
            Databases.drop(pg);
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + Databases.SERVER + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void losingTheDatabase(Map<String, String> store, Outage outage) throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.copyLocal(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, store)) {
            ApiClient api = ApiClient.of(host);
            assertEquals(200, api.post("/api/numbers/" + HELD + "/acquire", ACQUIRE).status());

            outage.begin();

            assertEquals(200, api.get("/api/health").status());
            assertEquals(200, api.get("/api/carriers").status());
            Reply search = api.get("/api/numbers?prefix=415&quantity=5&carriers=mock");
            assertEquals(200, search.status(), search.text());
            assertEquals(5, search.json().path("numbers").size(), search.text());
            Reply ready = api.get("/api/health/ready");
            assertEquals(503, ready.status(), ready.text());
            assertTrue(ready.text().contains("database"), ready.text());
            Reply cluster = api.get("/api/cluster");
            assertEquals(List.of(503, true), List.of(cluster.status(), cluster.text().contains("database")), cluster.text());

            Map<String, Supplier<Reply>> changes = new LinkedHashMap<>();
            changes.put("acquire", () -> api.post("/api/numbers/+14159000001/acquire", ACQUIRE));
            changes.put("disconnect", () -> api.post("/api/numbers/" + HELD + "/disconnect", ""));
            changes.put("import", () -> api.post("/api/numbers/import", STOCK));
            changes.put("disable", () -> api.post("/api/carriers/mock/disable", ""));
            changes.put("enable", () -> api.post("/api/carriers/local/enable", ""));
            changes.put("reload", () -> api.post("/api/carriers/local/reload", ""));
            Map<String, CompletableFuture<Reply>> answers = new LinkedHashMap<>();
            changes.forEach((what, call) -> answers.put(what, CompletableFuture.supplyAsync(call)));
            for (Map.Entry<String, CompletableFuture<Reply>> answer : answers.entrySet()) {
                Reply reply = answer.getValue().get();
                assertEquals(List.of(503, "carrier_unavailable", true),
                        List.of(reply.status(), String.valueOf(reply.error()), reply.text().contains("database")),
                        answer.getKey() + ": " + reply.text());
            }

            outage.end();

            Await.until(Duration.ofSeconds(30), () -> api.get("/api/health/ready").status() == 200,
                    () -> "ready again once the database is back: " + api.get("/api/health/ready").text());
            assertEquals(200, api.post("/api/numbers/+14159000001/acquire", ACQUIRE).status());
            assertEquals(200, api.post("/api/numbers/import", STOCK).status());
            assertEquals("in_service", api.get("/api/numbers/" + HELD).json().path("state").asText());
        }
    }
}
