package org.carrierhost.benchmarks.hotpath;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.benchmarks.PluginZips;
import org.carrierhost.host.manager.SearchResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The carrier manager's own cost per search (JMH, sample time): {@code CarrierManager.find} of 10
 * numbers on the mock carrier (0 ms) in a real host, minus the baseline measured in the same run, a
 * direct call of the same extension class ({@code MockCarrier.findNumbers}, loaded from the same zip).
 *
 * <p>Usage: {@code ManagerOverheadBenchmark} (runs JMH and prints the medians and their difference).
 *
 * <p>Thread-safe: JMH gives each benchmark thread the shared state; the host and the extension are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ManagerOverheadBenchmark {

    private InProcessHost host;
    private CarrierExtension direct;
    private URLClassLoader loader;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        host = InProcessHost.start("search", Map.of());
        Path jar = Files.createTempFile("carrier-mock", ".jar");
        try (ZipFile zip = new ZipFile(PluginZips.built("carrier-mock-1.0.0.zip").toFile());
             InputStream in = zip.getInputStream(zip.getEntry("lib/carrier-mock-1.0.0.jar"))) {
            Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, CarrierExtension.class.getClassLoader());
        direct = (CarrierExtension) loader.loadClass("org.carrierhost.plugins.mock.MockCarrier").getConstructor().newInstance();
        direct.start(CarrierContext.of("mock", CarrierConfig.empty(), Files.createTempDirectory("mock-data"), Optional.empty()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        host.close();
        loader.close();
    }

    @Benchmark
    public SearchResponse managerFind() {
        return host.find("415", 10, List.of("mock"));
    }

    @Benchmark
    public SearchResult directCall() throws Exception {
        return direct.findNumbers("+1415", 10, SearchOptions.defaults());
    }

    public static void main(String[] args) throws Exception {
        Map<String, Double> medians = new java.util.TreeMap<>();
        for (RunResult result : new Runner(new OptionsBuilder().include(ManagerOverheadBenchmark.class.getName() + "\\.")
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn").build()).run()) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            medians.put(name, result.getPrimaryResult().getStatistics().getPercentile(50));
        }
        double find = medians.get("managerFind");
        double call = medians.get("directCall");
        System.out.printf("| measure | median µs |%n|---|---|%n| baseline: direct call of MockCarrier.findNumbers | %.2f |%n"
                + "| CarrierManager.find, 10 numbers, mock (0 ms) | %.2f |%n| manager overhead (difference) | %.2f |%n",
                call, find, find - call);
    }
}
