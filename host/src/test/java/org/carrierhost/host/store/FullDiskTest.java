package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is survived: while the embedded registry's disk is full, writes answer 503 naming the disk
 * and readiness names it too; once there is room again the registry reopens by itself and writes succeed
 * within 10 s, with no restart. The disk is H2's own file system behind {@link FullDiskPath}, which fails
 * writes the way a full tmpfs does.
 */
class FullDiskTest {

    private static final String ACQUIRE = "{\"account_id\":\"acct-1\"}";

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @AfterEach
    void roomAgain() {
        FullDiskPath.FULL.set(false);
    }

    @Test
    void writesAre503NamingTheDiskWhileItIsFullAndSucceedWithin10sOfSpaceReturning() throws Exception {
        FullDiskPath.register();
        TestPlugins.copyMock(plugins);
        String url = "jdbc:h2:fulldisk:" + data.toAbsolutePath().resolve("registry") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("store.jdbc_url", url))) {
            ApiClient api = ApiClient.of(host);
            assertEquals(200, api.post("/api/numbers/+14159000000/acquire", ACQUIRE).status());

            FullDiskPath.FULL.set(true);
            Reply full = api.post("/api/numbers/+14159000001/acquire", ACQUIRE);
            assertEquals(503, full.status(), full.text());
            assertTrue(full.text().contains("disk"), full.text());
            Reply again = api.post("/api/numbers/+14159000002/acquire", ACQUIRE);
            assertEquals(503, again.status(), again.text());
            assertTrue(again.text().contains("disk"), again.text());
            Await.until(Duration.ofSeconds(5), () -> api.get("/api/health/ready").text().contains("disk"),
                    () -> "readiness does not name the disk: " + api.get("/api/health/ready").text());
            assertEquals(200, api.get("/api/health").status());

            FullDiskPath.FULL.set(false);
            long freed = System.nanoTime();
            Await.until(Duration.ofSeconds(10), () -> api.post("/api/numbers/+14159000003/acquire", ACQUIRE).status() == 200,
                    () -> "no acquire within 10 s of space returning: " + api.post("/api/numbers/+14159000004/acquire", ACQUIRE).text());
            System.out.printf("full disk: writes again %d ms after space returned%n", (System.nanoTime() - freed) / 1_000_000);
            assertEquals("in_service", api.get("/api/numbers/+14159000000").json().path("state").asText());
            Await.until(Duration.ofSeconds(10), () -> api.get("/api/health/ready").status() == 200,
                    () -> "not ready again: " + api.get("/api/health/ready").text());
        }
    }
}
