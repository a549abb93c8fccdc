package org.carrierhost.benchmarks.stock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import org.carrierhost.benchmarks.PluginZips;
import org.carrierhost.benchmarks.Serving;
import org.carrierhost.benchmarks.Samples;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.CarrierManager;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.store.Database;

/**
 * The local stock at a million numbers, on a real host: the real local plugin zip through PF4J, the
 * embedded H2 registry in a temporary data directory. Measures one import of the whole stock, prefix
 * searches at the carrier manager, and acquires, each against a baseline measured in the same run: a plain
 * JDBC primary-key SELECT on the same database, and the same search straight at the inventory.
 *
 * <p>Run after {@code ./mvnw -B -q package -DskipTests -pl benchmarks -am}, from {@code benchmarks/}:
 * {@code java -cp 'target/benchmarks.jar:target/lib/*' org.carrierhost.benchmarks.stock.LocalStockBenchmark}.
 * Optional arguments: the stock size (default 1000000) and the samples per measure (default 5000).
 *
 * <p>Not thread-safe, and needs none: one {@code main} on one thread.
 */
public final class LocalStockBenchmark {

    /** Area codes +1201.. each hold 10,000 numbers: +1 NPA 555 XXXX. */
    private static final int NUMBERS_PER_AREA = 10_000;
    private static final int FIRST_AREA = 201;

    private LocalStockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stock = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int areas = (stock + NUMBERS_PER_AREA - 1) / NUMBERS_PER_AREA;
        Path bench = Files.createTempDirectory("local-stock-bench");
        Path plugins = Files.createDirectories(bench.resolve("plugins"));
        Path data = bench.resolve("data");
        Path zip = PluginZips.built("carrier-local-1.0.0.zip");
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        System.out.printf("stock %,d numbers in %d area codes; %,d samples per measure; %s%n", stock, areas, samples, bench);

        try (CarrierHost host = CarrierHost.start(HostConfiguration.of(Map.of("http.port", "0", "admin.token",
                "bench-token-0123456789", "plugins.dir", plugins.toString(), "data.dir", data.toString(),
                "plugins.isolation", "in_process")).settings());
             Connection jdbc = DriverManager.getConnection(Database.embeddedUrl(data), "sa", "");
             PreparedStatement byKey = jdbc.prepareStatement("SELECT number, state, carrier FROM numbers WHERE number = ?")) {
            Serving.require(host, List.of("local"));
            CarrierManager manager = host.manager();
            Random random = new Random(42);

            List<String> numbers = new ArrayList<>(stock);
            for (int i = 0; i < stock; i++) {
                numbers.add(number(i));
            }
            long start = System.nanoTime();
            ImportReport report = manager.importNumbers("local", numbers, "bench");
            double importSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("import: %,d added, %,d present, %,d invalid in %.1f s (%,.0f numbers/s)%n",
                    report.added(), report.present(), report.invalid(), importSeconds, stock / importSeconds);

            // Varied prefixes: an area code and 0 to 4 more digits, so ranges from 10,000 numbers down to 1.
            String[] prefixes = new String[samples];
            for (int i = 0; i < samples; i++) {
                String full = number(random.nextInt(stock));
                prefixes[i] = full.substring(0, 5 + random.nextInt(5));
            }
            String[] keys = new String[samples];
            for (int i = 0; i < samples; i++) {
                keys[i] = number(random.nextInt(stock));
            }

            Stats pk = measure("baseline: JDBC primary-key SELECT", samples, i -> selectByKey(byKey, keys[i]));
            Stats inventory = measure("baseline: inventory search, 10", samples,
                    i -> HostParts.of(host).registry().findAvailable("local", prefixes[i], 0, 10));
            Stats search = measure("CarrierManager.find, 10", samples, i -> manager.find(SearchRequest.of(prefixes[i], 10)));

            // Distinct numbers, spread over the stock; the warm-up takes its own.
            List<String> toAcquire = new ArrayList<>();
            for (int i = 0; toAcquire.size() < 2 * samples; i += Math.max(1, stock / (2 * samples + 1))) {
                toAcquire.add(numbers.get(i));
            }
            Stats acquire = measure("CarrierManager.acquire", samples,
                    i -> manager.acquire(toAcquire.get(i), AcquireRequest.forAccount("acct-" + i), "bench"),
                    i -> manager.acquire(toAcquire.get(samples + i), AcquireRequest.forAccount("warm-" + i), "bench"));

            System.out.println();
            System.out.printf("%-34s %10s %10s %16s%n", "measure", "median ms", "p99 ms", "median / PK");
            for (Stats s : List.of(pk, inventory, search, acquire)) {
                System.out.printf("%-34s %10.3f %10.3f %15.1fx%n", s.name(), s.median(), s.p99(), s.median() / pk.median());
            }
            System.out.printf("%-34s %10.1f%n", "find / inventory search (median)", search.median() / inventory.median());
            System.out.printf("import of %,d: %.1f s (target < 60 s); find median %.3f ms (target < 2 ms);"
                    + " acquire median %.3f ms (target < 5 ms)%n", stock, importSeconds, search.median(), acquire.median());
        } finally {
            delete(bench);
        }
    }

    private static String number(int i) {
        return "+1" + (FIRST_AREA + i / NUMBERS_PER_AREA) + "555" + String.format("%04d", i % NUMBERS_PER_AREA);
    }

    private static void selectByKey(PreparedStatement byKey, String number) {
        try {
            byKey.setString(1, number);
            try (ResultSet r = byKey.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("missing " + number);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stats measure(String name, int samples, IntConsumer call) {
        return measure(name, samples, call, call);
    }

    /** Runs {@code warmUp} {@code samples} times, then times each of {@code samples} calls. */
    private static Stats measure(String name, int samples, IntConsumer call, IntConsumer warmUp) {
        for (int i = 0; i < samples; i++) {
            warmUp.accept(i);
        }
        Samples ms = new Samples();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.accept(i);
            ms.addSince(start);
        }
        Stats stats = new Stats(name, ms.median(), ms.percentile(0.99));
        System.out.printf("%s: median %.3f ms, p99 %.3f ms over %,d%n", name, stats.median(), stats.p99(), samples);
        return stats;
    }

    private static void delete(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One measure's figures, in milliseconds. */
    private record Stats(String name, double median, double p99) {
    }
}
