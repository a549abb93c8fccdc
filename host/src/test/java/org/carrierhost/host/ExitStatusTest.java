package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status a real host process leaves with: 0 when a signal stopped it, as systemd does; never 0 when something
 * the host did not ask for ended it (here a plugin's {@code Runtime.exit(0)} reached by a name built at run time),
 * so the service manager restarts it.
 */
@RunsAlone
class ExitStatusTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aSigtermStopsTheHostCleanlyWithStatusZero() throws Exception {
        TestPlugins.copyMock(plugins);
        try (HostProcess host = HostProcess.start(plugins, data)) {
            assertNotNull(host.awaitUrl(), host::output);

            host.terminate();

            assertEquals(0, host.awaitExit(60), host::output);
            Await.until(java.time.Duration.ofSeconds(5), () -> host.output().contains("Carrier Host stopped"), host::output);
            assertTrue(host.output().contains("(SIGTERM)"), host::output);
        }
    }

    @Test
    void anExitZeroThatAPluginMadeLeavesWithANonZeroStatus() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.hostile(plugins, "quitter", "HiddenExitInSearchCarrier");
        // The search that exits never finishes, so the stop waits out both drains whatever they are: short ones
        // keep the test from sitting out the defaults (3 s and 10 s) without changing what it checks.
        try (HostProcess host = HostProcess.start(plugins, data, "http.drain_timeout_ms=200", "plugins.drain_timeout_ms=200")) {
            String url = host.awaitUrl();
            assertNotNull(url, host::output);
            Thread search = new Thread(() -> {
                try {
                    new ApiClient(url, TestHosts.ADMIN_TOKEN).get("/api/numbers?prefix=415&quantity=1&carriers=quitter");
                } catch (RuntimeException ended) {
                    // The host ends under the request.
                }
            }, "search-quitter");
            search.setDaemon(true);
            search.start();

            assertEquals(ExitStatus.UNASKED, host.awaitExit(60), host::output);
            Await.until(java.time.Duration.ofSeconds(5), () -> host.output().contains("Carrier Host stopped"), host::output);
            assertTrue(host.output().contains("an exit the host did not ask for"), host::output);
        }
    }
}
