package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
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
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload cycles leave no plugin class loader reachable and do not grow the heap: of a well-behaved plugin,
 * of one that starts a thread of its own, and of loads that fail.
 */
class ClassLoaderLeakTest {

    private static final int CYCLES = 200;
    private static final int EARLY = 50;
    private static final long HEAP_TOLERANCE = 24L << 20;
    private static final int THREAD_CYCLES = 40;
    private static final int FAILED_WARM_UP = 10;
    private static final int FAILED_CYCLES = 60;
    /**
     * Each failed load defines two plugin classes (the carrier and its base): before GC the count grows by
     * about 120 over the cycles; 40 allows for the JDK's own lazily loaded classes.
     */
    private static final int CLASS_TOLERANCE = 40;

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
                HostParts.of(host).lifecycle().reload("mock", "test");
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

    @Test
    void fortyReloadsOfAPluginThatStartsAThreadLeaveAtMostTwoClassLoadersReachableAndNoThreadRunning() throws Exception {
        TestPlugins.faulty(plugins, "sleeper", "ThreadStartingCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
            loaders.add(new WeakReference<>(serving(host, "sleeper")));
            for (int cycle = 1; cycle <= THREAD_CYCLES; cycle++) {
                HostParts.of(host).lifecycle().reload("sleeper", "test");
                loaders.add(new WeakReference<>(serving(host, "sleeper")));
            }
            for (int i = 0; i < 50 && reachable(loaders) > 2; i++) {
                heapAfterGc();
            }

            int reachable = reachable(loaders);
            assertTrue(reachable <= 2, reachable + " of " + loaders.size() + " sleeper class loaders are still reachable");
            long sleepers = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("faulty-sleeper")).count();
            assertTrue(sleepers <= 1, sleepers + " faulty-sleeper threads run; only the serving generation's may");
        }
    }

    @Test
    void sixtyFailedLoadsLeaveTheirPluginClassesUnloadedAfterGc() throws Exception {
        TestPlugins.faulty(plugins, "thrower", "ThrowingStartCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
            for (int cycle = 1; cycle <= FAILED_WARM_UP; cycle++) {
                failToReload(host);
            }
            heapAfterGc();
            int early = classes.getLoadedClassCount();
            for (int cycle = 1; cycle <= FAILED_CYCLES; cycle++) {
                failToReload(host);
            }
            int late = classes.getLoadedClassCount();
            for (int i = 0; i < 20 && late - early >= CLASS_TOLERANCE; i++) {
                heapAfterGc();
                late = classes.getLoadedClassCount();
            }

            assertTrue(late - early < CLASS_TOLERANCE, "loaded classes grew from " + early + " to " + late + " over "
                    + FAILED_CYCLES + " failed loads: their class loaders stay reachable");
        }
    }

    @Test
    void failedLoadsLeaveNoWorkingFolderBehind() throws Exception {
        TestPlugins.faulty(plugins, "thrower", "ThrowingStartCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            for (int cycle = 1; cycle <= FAILED_WARM_UP; cycle++) {
                failToReload(host);
            }

            Path work = data.resolve("plugins-work");
            try (java.util.stream.Stream<Path> left = Files.exists(work) ? Files.list(work) : java.util.stream.Stream.empty()) {
                List<Path> folders = left.toList();
                assertTrue(folders.isEmpty(), "failed loads left " + folders);
            }
        }
    }

    private static void failToReload(CarrierHost host) {
        try {
            HostParts.of(host).lifecycle().reload("thrower", "test");
        } catch (RuntimeException expected) {
            // Its start() throws: the load got as far as the plugin's own classes, then failed, explained.
            assertTrue(String.valueOf(expected.getMessage()).contains("faulty start"), expected.toString());
            return;
        }
        throw new AssertionError("the reload of a carrier whose start() throws succeeded");
    }

    private static ClassLoader serving(CarrierHost host) {
        return serving(host, "mock");
    }

    private static ClassLoader serving(CarrierHost host, String id) {
        return HostParts.of(host).carriers().existing(id).orElseThrow().live().classLoader();
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
