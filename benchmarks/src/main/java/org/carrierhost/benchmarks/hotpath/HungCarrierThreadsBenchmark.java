package org.carrierhost.benchmarks.hotpath;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.manager.SearchResponse;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.call.BreakerView;

/**
 * Whether a carrier that hangs and ignores interrupts piles up host threads: a real host with the mock
 * zip and the faulty zip's {@code StubbornHangingCarrier} as {@code hung}, {@code N} searches of both
 * from 8 threads under a 50 ms deadline, and the JVM's live thread count before, at its
 * peak and after. Run twice: with the default breaker, and with the breaker held closed
 * ({@code breaker.window} and {@code minimum_calls} of 10,000) so every search reaches the bulkhead.
 * The baseline, in the same run, is the thread count after start, the 8 callers started and one search.
 *
 * <p>Usage: {@code HungCarrierThreadsBenchmark [searches, default 10000]}.
 *
 * <p>Thread-safe: a command-line tool.
 */
public final class HungCarrierThreadsBenchmark {

    private static final int CALLERS = 8;

    private HungCarrierThreadsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int searches = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.println("| breaker | searches | threads before | peak | after | growth | bulkhead.max_calls | lingering calls"
                + " | search median ms | mock late |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        run("default", searches, Map.of());
        run("held closed", searches, Map.of("carrier.hung.breaker.window", "10000", "carrier.hung.breaker.minimum_calls", "10000"));
    }

    private static void run(String name, int searches, Map<String, String> breaker) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(breaker);
        settings.put("search.timeout_ms", "50");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (InProcessHost host = InProcessHost.start("hung", settings)) {
            ThreadPoolExecutor callers = new ThreadPoolExecutor(CALLERS, CALLERS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "bench-caller");
                        t.setDaemon(true);
                        return t;
                    });
            callers.prestartAllCoreThreads();
            callers.submit(() -> host.find("415", 10, List.of("mock"))).get();
            int before = threads.getThreadCount();
            Map<String, Integer> namesBefore = names();
            threads.resetPeakThreadCount();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger mockMissed = new AtomicInteger();
            org.carrierhost.benchmarks.Samples latency = new org.carrierhost.benchmarks.Samples();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                done.add(callers.submit(() -> {
                    while (next.getAndIncrement() < searches) {
                        long start = System.nanoTime();
                        SearchResponse found = host.find("415", 10, List.of("mock", "hung"));
                        synchronized (latency) {
                            latency.addSince(start);
                        }
                        // hung must be there and hanging (a timeout, or its breaker open), never "not loaded";
                        // mock may miss the 50 ms deadline on a busy machine: counted, not hidden.
                        boolean hungAnswered = found.errors().stream().anyMatch(e -> "hung".equals(e.carrier())
                                && (e.code() == ErrorCode.TIMEOUT || e.code() == ErrorCode.CARRIER_UNAVAILABLE));
                        if (!hungAnswered) {
                            throw new IllegalStateException("hung did not hang: " + found);
                        }
                        if (found.numbers().size() != 10) {
                            mockMissed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            int after = threads.getThreadCount();
            BreakerView view = HostParts.of(host.host()).carriers().view("hung").orElseThrow().breaker();
            System.out.printf("| %s | %,d | %d | %d | %d | %+d | %d | %d | %.2f | %d |%n", name, searches, before,
                    threads.getPeakThreadCount(), after, after - before, view.maxConcurrent(), view.lingering(), latency.median(),
                    mockMissed.get());
            callers.shutdownNow();
            Map<String, Integer> grown = names();
            grown.replaceAll((prefix, n) -> n - namesBefore.getOrDefault(prefix, 0));
            grown.values().removeIf(n -> n == 0);
            System.out.println("|  | new threads by name: " + grown + " | | | | | | | | |");
        }
    }

    /** Live threads by name with digits removed ({@code carrier-call-7} counts as {@code carrier-call-}). */
    private static Map<String, Integer> names() {
        Map<String, Integer> byName = new java.util.TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> byName.merge(t.getName().replaceAll("[0-9]+", ""), 1, Integer::sum));
        return byName;
    }
}
