package org.carrierhost.benchmarks.isolation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierhost.benchmarks.PluginZips;
import org.carrierhost.benchmarks.Samples;
import org.carrierhost.benchmarks.Serving;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.config.HostConfiguration;

/**
 * The cost of running a carrier in a process of its own (issue 20), side by side in one host and one run: the mock
 * carrier in the host's process ({@code mock}, {@code plugins.isolation=in_process}) and the same zip isolated
 * ({@code mockp}, {@code carrier.mockp.isolation=process}).
 *
 * <ul>
 *   <li>searches of 10 numbers at C connections for S seconds, each mode right after {@code /api/health} at the same
 *       connection count; R runs; medians of the rates, and each as a ratio to health's median;</li>
 *   <li>the added cost per call: the median of 2,000 searches one after another, isolated minus in the host;</li>
 *   <li>a carrier process's start: the median of 5 reloads of {@code mockp} (the answer comes once the new process
 *       serves), beside 5 reloads of {@code mock};</li>
 *   <li>the resident memory of the isolated carrier's process, idle right after a reload and after the load.</li>
 * </ul>
 *
 * <p>Usage: {@code IsolationBenchmark [runs=3] [seconds=5] [connections=32]}. The load is generated in the same JVM
 * as the host (java.net.http, one thread per connection), so it shares the machine with what it measures, as the
 * health baseline does.
 *
 * <p>Not thread-safe: one harness thread runs it; its load threads only count.
 */
public final class IsolationBenchmark {

    private static final String TOKEN = "bench-token-0123456789";
    private static final Pattern RSS = Pattern.compile("\"rss_kib\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    private IsolationBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Path plugins = Files.createTempDirectory("iso-bench-plugins");
        Path data = Files.createTempDirectory("iso-bench-data");
        Path mock = PluginZips.built("carrier-mock-1.0.0.zip");
        Files.copy(mock, plugins.resolve(mock.getFileName()));
        PluginZips.withId(mock, plugins, "mockp");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("http.port", "0");
        settings.put("admin.token", TOKEN);
        settings.put("plugins.dir", plugins.toString());
        settings.put("data.dir", data.toString());
        // Every carrier in the host's process but mockp: the product's default would isolate the mock too.
        settings.put("plugins.isolation", "in_process");
        settings.put("carrier.mockp.isolation", "process");
        try (CarrierHost host = CarrierHost.start(HostConfiguration.of(settings).settings())) {
            Serving.require(host, List.of("mock", "mockp"));
            IsolationBenchmark bench = new IsolationBenchmark(host.url().toString().replaceAll("/$", ""));
            bench.run(runs, seconds, connections);
        }
    }

    private void run(int runs, int seconds, int connections) throws Exception {
        String inHost = "/api/numbers?prefix=415&quantity=10&carriers=mock";
        String isolated = "/api/numbers?prefix=415&quantity=10&carriers=mockp";
        rate("/api/health", connections, 2);
        rate(inHost, connections, 2);
        rate(isolated, connections, 2);
        Samples health = new Samples();
        Samples host = new Samples();
        Samples process = new Samples();
        Samples healthAgain = new Samples();
        for (int r = 0; r < runs; r++) {
            health.add(rate("/api/health", connections, seconds));
            host.add(rate(inHost, connections, seconds));
            healthAgain.add(rate("/api/health", connections, seconds));
            process.add(rate(isolated, connections, seconds));
        }
        double healthMedian = health.median();
        double healthAgainMedian = healthAgain.median();
        System.out.printf("machine: %d cores, %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| figure | conns | req/s (median of " + runs + ") | health req/s (run before) | ratio |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| mock search, in the host's process | %d | %.0f | %.0f | %.2f |%n", connections, host.median(),
                healthMedian, host.median() / healthMedian);
        System.out.printf("| mock search, in its own process | %d | %.0f | %.0f | %.2f |%n", connections, process.median(),
                healthAgainMedian, process.median() / healthAgainMedian);

        latency(inHost, 500);
        latency(isolated, 500);
        Samples oneHost = latency(inHost, 2000);
        Samples oneProcess = latency(isolated, 2000);
        System.out.printf("%n| one connection, 2,000 searches | median ms | p90 ms |%n|---|---|---|%n");
        System.out.printf("| in the host's process | %.3f | %.3f |%n", oneHost.median(), oneHost.percentile(0.9));
        System.out.printf("| in its own process | %.3f | %.3f |%n", oneProcess.median(), oneProcess.percentile(0.9));
        System.out.printf("| added per call (medians) | %.3f | |%n", oneProcess.median() - oneHost.median());

        String busyRss = rss("mockp");
        Samples reloadHost = new Samples();
        Samples reloadProcess = new Samples();
        List<String> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reloadHost.add(timedReload("mock"));
            reloadProcess.add(timedReload("mockp"));
            Thread.sleep(1000);
            idle.add(rss("mockp"));
        }
        System.out.printf("%n| reload (answer once the new version serves), 5 each | median ms | max ms |%n|---|---|---|%n");
        System.out.printf("| in the host's process | %.0f | %.0f |%n", reloadHost.median(), reloadHost.percentile(1));
        System.out.printf("| in its own process (a new process started and serving) | %.0f | %.0f |%n",
                reloadProcess.median(), reloadProcess.percentile(1));
        System.out.printf("%nRSS of the isolated carrier's process: after the load %s KiB; idle, 1 s after each reload %s KiB%n",
                busyRss, idle);
    }

    /** Requests per second of {@code path} at {@code connections} for {@code seconds}. */
    private double rate(String path, int connections, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        HttpRequest request = get(path);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
                    (reply.statusCode() == 200 ? done : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " answers to " + path + " were not 200");
        }
        return done.get() / (double) seconds;
    }

    private Samples latency(String path, int count) throws Exception {
        Samples samples = new Samples();
        HttpRequest request = get(path);
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            samples.addSince(began);
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + reply.statusCode());
            }
        }
        return samples;
    }

    private double timedReload(String id) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/carriers/" + id + "/reload"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - began) / 1e6;
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("reload of " + id + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return ms;
    }

    private String rss(String id) throws Exception {
        String body = http.send(get("/api/carriers/" + id), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = RSS.matcher(body);
        return m.find() ? m.group(1) : "unknown";
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN).GET().build();
    }
}
