package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which process a carrier runs in when nothing but the product's defaults says: its own ({@code plugins.isolation}
 * defaults to {@code process}); {@code carrier.<id>.isolation} decides for one carrier over it; an instance of a
 * plugin, which cannot run in a process of its own yet, stays in the host's process unless its own section asks.
 */
class DefaultIsolationTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aHostGivenNoIsolationSettingRunsTheMockInAProcessOfItsOwn() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).start()) {
            CarrierView mock = view(host, "mock");

            assertNotNull(mock.process(), "the mock runs in a process of its own: " + mock);
            assertTrue(mock.process().pid() != ProcessHandle.current().pid(), mock.toString());
            assertEquals("mock", host.manager().find(SearchRequest.of("415", 1)).numbers().get(0).carrier());
        }
    }

    @Test
    void carrierIsolationInProcessKeepsThatCarrierInTheHostsProcessUnderPluginsIsolationProcess() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("plugins.isolation", "process",
                "carrier.mock.isolation", "in_process"))) {
            assertNull(view(host, "mock").process(), view(host, "mock").toString());
        }
    }

    @Test
    void anInstanceRunsInTheHostsProcessWhenOnlyPluginsIsolationAsksForAProcess() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("plugins.isolation", "process",
                "carrier.mock.isolation", "in_process", "carrier.spare.plugin", "mock"))) {
            Await.until(Duration.ofSeconds(15), () -> HostParts.of(host).carriers().view("spare")
                    .filter(v -> v.state().name().equals("STARTED")).isPresent(), () -> String.valueOf(HostParts.of(host).carriers().view("spare")));

            assertNull(view(host, "spare").process(), view(host, "spare").toString());
        }
    }

    private static CarrierView view(CarrierHost host, String id) {
        return HostParts.of(host).carriers().view(id).orElseThrow(() -> new AssertionError("no carrier " + id));
    }
}
