package org.carrierhost.host.plugins;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.manager.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reload cycles leave no plugin class loader reachable and do not grow the heap. */
class ClassLoaderLeakTest {

    private static final int CYCLES = 200;
    private static final int EARLY = 50;
    private static final long HEAP_TOLERANCE = 24L << 20;

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void twoHundredReloadsLeaveAtMostTwoClassLoadersReachableAndTheHeapFlat() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            ApiClient api = ApiClient.of(host);
            List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
            loaders.add(new WeakReference<>(serving(host)));
            long heapEarly = 0;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                host.operations().reload("mock", "test");
                loaders.add(new WeakReference<>(serving(host)));
                // Calls through the manager and over HTTP, so leases, worker threads and JSON take part.
                host.manager().find(SearchRequest.of("415", 3));
                if (cycle % 10 == 0) {
                    api.get("/api/numbers?prefix=415&quantity=3");
                }
                if (cycle == EARLY) {
                    heapEarly = heapAfterGc();
                }
            }
            long heapLate = heapAfterGc();
            for (int i = 0; i < 50 && reachable(loaders) > 2; i++) {
                heapAfterGc();
            }

            int reachable = reachable(loaders);
            assertTrue(reachable <= 2, reachable + " of " + loaders.size() + " mock class loaders are still reachable");
            assertTrue(heapLate - heapEarly < HEAP_TOLERANCE, "heap after GC grew from " + (heapEarly >> 20) + " MiB at cycle "
                    + EARLY + " to " + (heapLate >> 20) + " MiB at cycle " + CYCLES);
        }
    }

    private static ClassLoader serving(CarrierHost host) {
        return host.carriers().existing("mock").orElseThrow().live().classLoader();
    }

    private static int reachable(List<WeakReference<ClassLoader>> loaders) {
        return (int) loaders.stream().filter(r -> r.get() != null).count();
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Await.pause(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
