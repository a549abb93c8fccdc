package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.h2.tools.Server;
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
        int port = freePort();
        Server h2 = tcpServer(port);
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("store.jdbc_url",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/registry;DB_CLOSE_ON_EXIT=FALSE"))) {
            ApiClient api = ApiClient.of(host).withToken(null);
            assertEquals(200, api.get("/api/health/ready").status());

            h2.stop();
            Reply down = api.get("/api/health/ready");
            assertEquals(503, down.status(), down.text());
            assertEquals("not_ready", down.error());
            assertTrue(down.json().path("error").path("message").asText().contains("registry"), down.text());
            assertEquals(200, api.get("/api/health").status(), "liveness stays up");

            h2 = tcpServer(port);
            Await.until(java.time.Duration.ofSeconds(30), () -> api.get("/api/health/ready").status() == 200,
                    () -> "not ready again once the database is back: " + api.get("/api/health/ready").text());
        } finally {
            h2.stop();
        }
    }

    private Server tcpServer(int port) throws Exception {
        SQLException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", database.toString(),
                        "-ifNotExists").start();
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
