package org.carrierhost.examples.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvent;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;

/**
 * A small platform service that embeds Carrier Host with HTTP off: it loads the shipped carrier zips,
 * searches, acquires, upgrades the mock carrier to a new version while its own threads keep searching,
 * listens to the host's events, closes the host, and checks that no host thread is left.
 *
 * <p>Run it with the folder of shipped zips: {@code java -cp ... org.carrierhost.examples.platform.NumberPlatform DIR}.
 *
 * <p>Not thread-safe: {@link #run} is called once; the threads it starts only share thread-safe counters.
 */
public final class NumberPlatform {

    private static final int SEARCHERS = 3;

    private NumberPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("embedded-platform");
        PlatformReport report = run(Path.of(args.length > 0 ? args[0] : "plugins-dir"), work);
        System.out.println(report);
        System.exit(report.ok() ? 0 : 1);
    }

    /** Runs the platform once on the zips in {@code shippedZips}, with its plugins and data under {@code work}. */
    public static PlatformReport run(Path shippedZips, Path work) throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        copyZips(shippedZips, plugins);
        Set<String> threadsBefore = PlatformThreads.names();
        Map<String, LongAdder> events = new ConcurrentHashMap<>();
        CountDownLatch swapped = new CountDownLatch(1);
        AtomicReference<String> mockVersion = new AtomicReference<>("not started");

        String acquired;
        String versionBefore;
        String versionAfter;
        SwapLoad load;
        try (CarrierHost host = CarrierHost.builder()
                .pluginsDir(plugins)
                .dataDir(work.resolve("data"))
                .setting("plugins.stable_ms", "200")
                .listener(event -> {
                    events.computeIfAbsent(event.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    startedMockVersion(event).ifPresent(mockVersion::set);
                    if (isMockSwap(event)) {
                        swapped.countDown();
                    }
                })
                .start()) {
            SearchResponse found = host.manager().find(SearchRequest.of("415", 5));
            NumberRecord record = host.manager().acquire(found.numbers().get(0).number(),
                    AcquireRequest.forAccount("acct-1"), "platform");
            acquired = record.number() + " " + record.state();
            versionBefore = mockVersion.get();

            load = SwapLoad.start(host, SEARCHERS);
            MockUpgrade.replace(plugins, "1.0.1");
            boolean swappedInTime = swapped.await(30, TimeUnit.SECONDS);
            load.stop();
            versionAfter = swappedInTime ? mockVersion.get() : "not swapped within 30 s";
        }
        Set<String> left = PlatformThreads.awaitNoneNewSince(threadsBefore, 10_000);
        return new PlatformReport(acquired, versionBefore, versionAfter, load.searches(), load.failures(),
                events.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().sum())),
                left);
    }

    private static boolean isMockSwap(HostEvent event) {
        return event instanceof CarrierEvent c && c.action() == CarrierAction.SWAP && c.target().startsWith("mock ");
    }

    /** The version of the mock carrier a {@code start} event says started, read from the typed events alone. */
    private static Optional<String> startedMockVersion(HostEvent event) {
        return event instanceof CarrierEvent c && c.action() == CarrierAction.START && c.target().startsWith("mock ")
                ? Optional.of(c.target().split(" ")[1]) : Optional.empty();
    }

    private static void copyZips(Path from, Path to) throws IOException {
        List<Path> zips;
        try (Stream<Path> files = Files.list(from)) {
            zips = files.filter(p -> p.getFileName().toString().matches("carrier-(mock|local)-.*\\.zip")).toList();
        }
        if (zips.size() != 2) {
            throw new IOException("expected the shipped mock and local zips in " + from + ", found " + zips);
        }
        for (Path zip : zips) {
            Files.copy(zip, to.resolve(zip.getFileName()));
        }
    }
}
