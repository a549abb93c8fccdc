package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.plugins.load.PluginPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CarrierHost#close()} leaves no thread of the host's behind: none of its own, none of its plugins'. */
class CloseLeavesNoThreadTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void afterCloseNoHostThreadIsLeftWithHttpOn() throws Exception {
        Set<String> before = HostThreads.names();
        TestPlugins.copyMock(plugins);
        TestPlugins.copyLocal(plugins);
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).http(0).start()) {
            for (int i = 0; i < 20; i++) {
                host.manager().find(SearchRequest.of("415", 5));
            }
            ApiClient.of(host).get("/api/numbers?prefix=415&quantity=3");
            Set<String> running = HostThreads.newSince(before);
            // Call threads are pooled across hosts: an earlier test's idle one may serve, so it need not be new.
            assertTrue(running.contains("audit-log-writer") && HostThreads.names().stream().anyMatch(n -> n.startsWith("carrier-call-")),
                    "the host's threads are seen while it runs: " + running);
        }
        // Idle plugin-call threads end after PluginPool.IDLE_SECONDS; everything else ends inside close().
        Await.until(Duration.ofSeconds(PluginPool.IDLE_SECONDS + 8), () -> HostThreads.newSince(before).isEmpty(),
                () -> "threads left after close: " + HostThreads.newSince(before));
    }

    @Test
    void closeEndsEveryThreadButIdleCallThreadsAtOnce() throws Exception {
        Set<String> before = HostThreads.names();
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).start()) {
            host.manager().find(SearchRequest.of("415", 5));
        }
        Set<String> left = HostThreads.newSince(before).stream().filter(n -> !n.startsWith("carrier-call-"))
                .collect(Collectors.toSet());
        assertTrue(left.isEmpty(), "threads left at close: " + left);
    }
}
