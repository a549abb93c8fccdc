package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** An embedding platform's own registry gets the host's meters, and loses them when the host closes. */
class PlatformRegistryTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void thePlatformsRegistryHoldsTheHostsMetersWhileItRuns() throws Exception {
        TestPlugins.copyMock(plugins);
        SimpleMeterRegistry platform = new SimpleMeterRegistry();
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).meterRegistry(platform).start()) {
            host.manager().find(SearchRequest.of("415", 3));
            assertEquals(1.0, platform.get(CarrierMeters.CALLS).tags("carrier", "mock", "operation", "find", "outcome", "ok")
                    .counter().count());
            assertEquals(1, platform.get(CarrierMeters.LATENCY).tags("carrier", "mock", "operation", "find").timer().count());
            assertEquals(1.0, platform.get(CarrierMeters.STATE).tags("carrier", "mock", "state", "started").gauge().value());
            assertFalse(names(platform).stream().anyMatch(name -> name.startsWith("jvm.")),
                    "the JVM's meters are the platform's to bind");
        }
    }

    @Test
    void closingTheHostTakesItsMetersOutOfThePlatformsRegistry() throws Exception {
        TestPlugins.copyMock(plugins);
        SimpleMeterRegistry platform = new SimpleMeterRegistry();
        platform.counter("platform.own").increment();
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).meterRegistry(platform).start()) {
            host.manager().find(SearchRequest.of("415", 3));
            assertTrue(names(platform).stream().anyMatch(name -> name.startsWith("hikaricp.")));
        }
        assertEquals(List.of("platform.own"), names(platform));
    }

    private static List<String> names(SimpleMeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().sorted().toList();
    }
}
