package org.carrierhost.benchmarks.fanout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.benchmarks.PluginZips;
import org.carrierhost.benchmarks.Serving;
import org.carrierhost.benchmarks.Samples;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;

/**
 * How long a search over several carriers takes at the carrier manager: carriers are asked in parallel
 * under one deadline, so three carriers of 100 ms cost about one, and a hung carrier costs the deadline,
 * not forever: measured with its breaker held closed ({@code breaker.window} and {@code minimum_calls} of
 * 10,000), so every search reaches it. With the default breaker the circuit opens after its first 5
 * timeouts and the hung carrier is answered at once, which the last row measures. The baseline, in the same
 * run, is one carrier of 100 ms.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests -pl benchmarks -am}:
 * {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" org.carrierhost.benchmarks.fanout.FanOutBenchmark 30}
 */
public final class FanOutBenchmark {

    private static final int WARMUP = 5;
    private static final int DEADLINE_MS = 500;

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path work = Files.createTempDirectory("fanout-bench");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path mock = PluginZips.built("carrier-mock-1.0.0.zip");
        Map<String, String> settings = new LinkedHashMap<>(Map.of("http.port", "0", "admin.token", "bench-token-0123456789",
                "plugins.dir", plugins.toString(), "data.dir", work.resolve("data").toString(),
                "search.timeout_ms", Integer.toString(DEADLINE_MS), "plugins.isolation", "in_process"));
        for (String id : List.of("slow1", "slow2", "slow3")) {
            PluginZips.withId(mock, plugins, id);
            settings.put("carrier." + id + ".latency_ms", "100");
        }
        PluginZips.withId(mock, plugins, "fast");
        PluginZips.withId(mock, plugins, "hung");
        settings.put("carrier.hung.hang", "true");
        settings.put("carrier.hung.breaker.window", "10000");
        settings.put("carrier.hung.breaker.minimum_calls", "10000");
        PluginZips.withId(mock, plugins, "hungopen");
        settings.put("carrier.hungopen.hang", "true");

        try (CarrierHost host = CarrierHost.start(HostConfiguration.of(settings).settings())) {
            Serving.require(host, List.of("slow1", "slow2", "slow3", "fast", "hung", "hungopen"));
            Samples one = measure(host, iterations, List.of("slow1"), 0);
            Samples three = measure(host, iterations, List.of("slow1", "slow2", "slow3"), 0);
            Samples fast = measure(host, iterations, List.of("fast"), 0);
            Samples hung = measure(host, iterations, List.of("fast", "hung"), 1);
            Samples open = measure(host, iterations, List.of("fast", "hungopen"), 1);
            System.out.printf("iterations per figure: %d (after %d warm-up), search.timeout_ms=%d%n", iterations, WARMUP, DEADLINE_MS);
            System.out.println("| search at the carrier manager, 10 numbers | median ms | p90 ms | vs one 100 ms carrier |");
            System.out.println("|---|---|---|---|");
            row("baseline: one carrier of 100 ms", one, one.median());
            row("three carriers of 100 ms each, in parallel", three, one.median());
            row("one carrier of 0 ms (the manager's own cost)", fast, one.median());
            row("a 0 ms carrier beside a hung one, breaker held closed (deadline " + DEADLINE_MS + " ms)", hung, one.median());
            row("a 0 ms carrier beside a hung one, default breaker (open after its first 5 timeouts)", open, one.median());
        }
    }

    /** Times searches over {@code carriers}, checking each answer has numbers and {@code failures} errors. */
    private static Samples measure(CarrierHost host, int iterations, List<String> carriers, int failures) {
        Samples samples = new Samples();
        for (int i = 0; i < WARMUP + iterations; i++) {
            long start = System.nanoTime();
            SearchResponse found = host.manager().find(new SearchRequest("415", 10, 0, null, carriers, 0, false, null));
            if (i >= WARMUP) {
                samples.addSince(start);
            }
            if (found.numbers().size() != 10 || found.errors().size() != failures) {
                throw new IllegalStateException("unexpected answer over " + carriers + ": " + found);
            }
        }
        return samples;
    }

    private static void row(String name, Samples samples, double base) {
        System.out.printf("| %s | %.1f | %.1f | %.2fx |%n", name, samples.median(), samples.percentile(0.9), samples.median() / base);
    }
}
