package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Databases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log loses nothing that was acknowledged: PostgreSQL refuses connections and its open ones are
 * terminated while four callers acquire numbers; afterwards every acquire answered 200 has its {@code ok}
 * entry, and every acquire refused for the outage has its {@code failed} one.
 */
class AuditOutageTest {

    private static final int CALLERS = 4;

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void everyAcknowledgedAcquireAndEveryRefusedOneIsAuditedAfterADatabaseOutage() throws Exception {
        TestDatabase pg = Databases.createPostgres();
        String name = pg.jdbcUrl().substring(pg.jdbcUrl().lastIndexOf('/') + 1);
        TestPlugins.copyMock(plugins);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (CarrierHost host = TestHosts.start(plugins, data, new HashMap<>(pg.settings()))) {
            ApiClient api = ApiClient.of(host);
            Map<String, Integer> answered = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                runs.add(callers.submit(() -> {
                    while (!stop.get()) {
                        String number = String.format("+1415800%04d", next.getAndIncrement());
                        answered.put(number, api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct\"}").status());
                    }
                    return null;
                }));
            }
            Thread.sleep(1500);
            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            Thread.sleep(2500);
            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            Thread.sleep(1500);
            stop.set(true);
            for (Future<?> run : runs) {
                run.get();
            }
            Await.until(Duration.ofSeconds(30), () -> api.get("/api/health/ready").status() == 200,
                    () -> "ready again: " + api.get("/api/health/ready").text());
            TreeSet<String> acknowledged = new TreeSet<>();
            TreeSet<String> refused = new TreeSet<>();
            answered.forEach((number, status) -> (status == 200 ? acknowledged : refused).add(number));
            assertTrue(acknowledged.size() > 20, "too few acquires acknowledged: " + answered.size() + " answered");
            assertTrue(refused.size() > 0, "no acquire was refused during the outage");

            Await.until(Duration.ofSeconds(20), () -> audited(pg, "ok").containsAll(acknowledged),
                    () -> "acknowledged acquires without their audit entry: " + missing(acknowledged, audited(pg, "ok")));
            Await.until(Duration.ofSeconds(20), () -> audited(pg, "failed").containsAll(refused),
                    () -> "refused acquires without their audit entry: " + missing(refused, audited(pg, "failed")));
            System.out.printf("audit outage: %d acknowledged, %d refused, all audited%n", acknowledged.size(), refused.size());
        } finally {
            callers.shutdownNow();
            Databases.drop(pg);
        }
    }

    private static TreeSet<String> missing(TreeSet<String> wanted, TreeSet<String> found) {
        TreeSet<String> left = new TreeSet<>(wanted);
        left.removeAll(found);
        return left;
    }

    /** The numbers with an acquire entry of {@code result} in the database's audit log. */
    private static TreeSet<String> audited(TestDatabase pg, String result) {
        TreeSet<String> numbers = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT target FROM events WHERE action = 'acquire' AND result = '" + result + "'")) {
            while (rows.next()) {
                numbers.add(rows.getString(1).split(" ")[0]);
            }
        } catch (Exception e) {
            return numbers;
        }
        return numbers;
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + Databases.SERVER + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
