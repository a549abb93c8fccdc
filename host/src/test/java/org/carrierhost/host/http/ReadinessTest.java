package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.H2TcpServer;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness tells the truth: the registry and every enabled carrier, checked for real. */
class ReadinessTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path database;

    @Test
    void readyWhenTheRegistryAnswersAndEveryEnabledCarrierIsStarted() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            Reply reply = ApiClient.of(host).withToken(null).get("/api/health/ready");

            assertEquals(200, reply.status(), reply.text());
            assertEquals("READY", reply.json().path("status").asText());
        }
    }

    @Test
    void notReadyNamingTheDatabaseWhileItIsUnreachableAndReadyAgainOnceItIsBack() throws Exception {
        TestPlugins.copyMock(plugins);
        try (H2TcpServer h2 = H2TcpServer.start(database);
             CarrierHost host = TestHosts.start(plugins, data, Map.of("store.jdbc_url", h2.url()))) {
            ApiClient api = ApiClient.of(host).withToken(null);
            assertEquals(200, api.get("/api/health/ready").status());

            h2.stop();
            Reply down = api.get("/api/health/ready");
            assertEquals(503, down.status(), down.text());
            assertEquals("not_ready", down.error());
            assertTrue(down.json().path("error").path("message").asText().contains("registry database"), down.text());
            assertEquals(200, api.get("/api/health").status(), "liveness stays up");

            h2.restart();
            Await.until(java.time.Duration.ofSeconds(30), () -> api.get("/api/health/ready").status() == 200,
                    () -> "not ready again once the database is back: " + api.get("/api/health/ready").text());
        }
    }

    @Test
    void notReadyNamingTheThreadsWhileThousandsLeakAndReadyAgainOnceTheyEnd() throws Exception {
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            ApiClient api = ApiClient.of(host).withToken(null);
            assertEquals(200, api.get("/api/health/ready").status());
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.List<Thread> leaked = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < Readiness.LEAKED_THREADS + 100; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "leaked-" + i);
                    t.setDaemon(true);
                    t.start();
                    leaked.add(t);
                }
                Reply leaking = api.get("/api/health/ready");
                assertEquals(503, leaking.status(), leaking.text());
                assertTrue(leaking.text().contains("threads leak"), leaking.text());
            } finally {
                release.countDown();
                for (Thread t : leaked) {
                    t.join(5000);
                }
            }
            assertEquals(200, api.get("/api/health/ready").status());
        }
    }

    @Test
    void notReadyNamingTheCarrierWhileThreadsItLeftRunningBurnCpuAndReadyOnceTheyEnd() throws Exception {
        TestPlugins.faulty(plugins, "spinner", "SpinAfterStopCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            ApiClient admin = ApiClient.of(host);
            ApiClient anyone = admin.withToken(null);
            assertEquals(200, anyone.get("/api/health/ready").status(), () -> anyone.get("/api/health/ready").text());

            assertEquals(200, admin.post("/api/carriers/spinner/disable", "").status());
            Await.until(java.time.Duration.ofSeconds(5), () -> anyone.get("/api/health/ready").status() == 503,
                    () -> "still ready while the disabled carrier's thread spins: " + anyone.get("/api/health/ready").text());
            Reply burning = anyone.get("/api/health/ready");
            String message = burning.json().path("error").path("message").asText();
            assertTrue(message.contains("carrier spinner 1.0.0 was unloaded but its threads still burn"), burning.text());
            assertEquals(200, anyone.get("/api/health").status(), "liveness stays up");

            Await.until(java.time.Duration.ofSeconds(20), () -> anyone.get("/api/health/ready").status() == 200,
                    () -> "not ready again once the thread ended: " + anyone.get("/api/health/ready").text());
        }
    }
}
