package org.carrierhost.benchmarks.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.carrierhost.api.CarrierApi;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.benchmarks.PluginZips;
import org.carrierhost.benchmarks.Samples;
import org.carrierhost.benchmarks.Serving;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.parts.HostParts;
import org.pf4j.DefaultPluginManager;

/**
 * Times the plugin lifecycle against plain PF4J, in one run on one machine:
 * <ol>
 *   <li>drop-in: a new carrier's zip moved into the watched directory, until it serves;</li>
 *   <li>deploy: the same load without the watcher ({@code CarrierLifecycle.deploy}), so the watcher's
 *       detection delay is the difference;</li>
 *   <li>API reload: {@code POST /api/carriers/mock/reload} over HTTP (new generation, swap, drain, unload);</li>
 *   <li>baseline: a fresh {@code DefaultPluginManager} on an unpacked copy of the same zip,
 *       {@code loadPlugin} + {@code startPlugin} + {@code getExtensions} (unpacking not timed).</li>
 * </ol>
 * Run: {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
 * org.carrierhost.benchmarks.lifecycle.LifecycleBenchmark [iterations] [bench-plugins dir]}.
 *
 * <p>Not thread-safe: a program run from its main thread.
 */
public final class LifecycleBenchmark {

    private static final int WARMUP = 5;
    private static final String TOKEN = "benchmark-admin-token-0123456789";

    private final int iterations;
    private final Path mockZip;
    private final Path work;

    private LifecycleBenchmark(int iterations, Path mockZip, Path work) {
        this.iterations = iterations;
        this.mockZip = mockZip;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path plugins = Path.of(args.length > 1 ? args[1] : "benchmarks/target/bench-plugins");
        Path work = Files.createTempDirectory("lifecycle-bench");
        new LifecycleBenchmark(iterations, plugins.resolve("carrier-mock-1.0.0.zip"), work).run();
    }

    private void run() throws Exception {
        Path pluginsDir = Files.createDirectories(work.resolve("plugins"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Files.copy(mockZip, pluginsDir.resolve("carrier-mock-1.0.0.zip"));
        Map<String, String> settings = Map.of("http.port", "0", "admin.token", TOKEN, "plugins.dir", pluginsDir.toString(),
                "data.dir", work.resolve("data").toString(), "plugins.isolation", "in_process");
        Samples dropIn = new Samples();
        Samples deploy = new Samples();
        Samples reload = new Samples();
        Samples baseline = new Samples();
        long rescan;
        long stable;
        try (CarrierHost host = CarrierHost.start(HostConfiguration.of(settings).settings())) {
            rescan = host.settings().plugins().rescanInterval().toMillis();
            stable = host.settings().plugins().stableWindow().toMillis();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < WARMUP + iterations; i++) {
                String id = "drop" + i;
                Path zip = PluginZips.withId(mockZip, staging, id);
                long start = System.nanoTime();
                Files.move(zip, pluginsDir.resolve(zip.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                waitFor(() -> HostParts.of(host).carriers().servingIds().contains(id));
                keep(dropIn, i, start);
                Files.delete(pluginsDir.resolve(zip.getFileName()));
                waitFor(() -> !HostParts.of(host).carriers().servingIds().contains(id));
            }
            for (int i = 0; i < WARMUP + iterations; i++) {
                String id = "deploy" + i;
                Path zip = PluginZips.withId(mockZip, staging, id);
                long start = System.nanoTime();
                HostParts.of(host).lifecycle().deploy(zip, "benchmark");
                keep(deploy, i, start);
                Serving.require(host, java.util.List.of(id));
                HostParts.of(host).lifecycle().remove(id, "benchmark");
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create(host.url() + "api/carriers/mock/reload"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
            for (int i = 0; i < WARMUP + iterations; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
                keep(reload, i, start);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("reload failed: " + response.body());
                }
            }
        }
        Path unpacked = unpack(mockZip, Files.createDirectories(work.resolve("pf4j")));
        for (int i = 0; i < WARMUP + iterations; i++) {
            long start = System.nanoTime();
            DefaultPluginManager manager = new DefaultPluginManager(unpacked.getParent());
            manager.setSystemVersion(CarrierApi.VERSION);
            String id = manager.loadPlugin(unpacked);
            manager.startPlugin(id);
            if (manager.getExtensions(CarrierExtension.class, id).size() != 1) {
                throw new IllegalStateException("PF4J found no extension");
            }
            keep(baseline, i, start);
            manager.unloadPlugin(id);
        }
        report(dropIn, deploy, reload, baseline, rescan, stable);
    }

    private static void report(Samples dropIn, Samples deploy, Samples reload, Samples baseline,
                               long rescan, long stable) {
        double base = baseline.median();
        System.out.printf("iterations per figure: %d (after %d warm-up), plugins.stable_ms=%d, plugins.rescan_ms=%d%n",
                dropIn.size(), WARMUP, stable, rescan);
        System.out.println("| measure | median ms | p90 ms | vs PF4J load+start |");
        System.out.println("|---|---|---|---|");
        row("zip dropped in -> serving (watcher)", dropIn, base);
        row("deploy without the watcher (load, start, serve)", deploy, base);
        Samples detection = new Samples();
        detection.add(dropIn.median() - deploy.median());
        row("watcher detection delay (drop-in minus deploy)", detection, base);
        row("API reload over HTTP (new generation, swap, unload old)", reload, base);
        row("PF4J baseline: new manager, loadPlugin + startPlugin + getExtensions", baseline, base);
    }

    private static void row(String name, Samples samples, double base) {
        System.out.printf("| %s | %.1f | %s | %.1fx |%n", name, samples.median(),
                samples.size() > 1 ? String.format("%.1f", samples.percentile(0.9)) : "-", samples.median() / base);
    }

    private static void keep(Samples samples, int i, long startNanos) {
        if (i >= WARMUP) {
            samples.addSince(startNanos);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 10 s");
            }
            Thread.sleep(1);
        }
    }

    private static Path unpack(Path zip, Path root) throws IOException {
        Path dir = root.resolve("plugin");
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream data = in.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    data.transferTo(out);
                }
            }
        }
        return dir;
    }
}
