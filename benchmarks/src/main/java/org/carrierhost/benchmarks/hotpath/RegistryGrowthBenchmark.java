package org.carrierhost.benchmarks.hotpath;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much the registry's data file grows with searches of a remote carrier: a real host with the mock
 * zip, {@code N} searches of 10 numbers at {@code CarrierManager.find} from 4 threads, over 1,000
 * different prefixes (so 10,000 different offers), and {@code registry.mv.db}'s size before, after, and
 * after the host closed. The baseline, in the same run, is the size after start.
 *
 * <p>Usage: {@code RegistryGrowthBenchmark [searches, default 1000000]}.
 *
 * <p>Thread-safe: a command-line tool.
 */
public final class RegistryGrowthBenchmark {

    private static final int THREADS = 4;

    private RegistryGrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int searches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (InProcessHost host = InProcessHost.start("search", Map.of())) {
            host.find("415", 10, List.of("mock"));
            long before = Files.size(host.registryFile());
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < searches; ) {
                        String prefix = String.format("415%03d", i % 1000);
                        if (host.find(prefix, 10, List.of("mock")).numbers().size() != 10) {
                            throw new IllegalStateException("short page under " + prefix);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long after = Files.size(host.registryFile());
            host.close();
            long closed = Files.size(host.registryFile());
            System.out.printf("searches: %,d of 10 numbers (mock) in %.1f s (%,.0f/s, %d threads)%n", searches, seconds,
                    searches / seconds, THREADS);
            System.out.printf("| registry.mv.db | bytes |%n|---|---|%n| after start (baseline) | %,d |%n"
                    + "| after the searches | %,d |%n| after close | %,d |%n| growth per search | %.3f bytes |%n",
                    before, after, closed, (after - before) / (double) searches);
        }
    }
}
