package org.carrierhost.host.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.manager.CarrierManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts, before each test, a real embedded host loading the given plugin zips,
 * in a fresh temporary plugins directory and data directory (embedded H2), and after the test closes it
 * and deletes both. The HTTP API is off unless {@link #withHttp()} asks for it (then on a free loopback
 * port).
 *
 * <p>Its carriers run in the host's own process ({@code plugins.isolation=in_process}), unlike the product's
 * default: a test host starts in a fraction of a second and a search reaches the plugin's objects directly. A test
 * of a carrier as it runs in production, in a process of its own, asks for it with {@link #isolated()}; a
 * {@code carrier.<id>.isolation} setting still decides for its carrier.
 *
 * <pre>{@code
 * @RegisterExtension
 * final CarrierHostExtension host = CarrierHostExtension.withZip(Path.of("target/carrier-acme-1.0.0.zip"))
 *         .setting("carrier.acme.api_key", "secret");
 *
 * @Test
 * void searchFindsNumbers() {
 *     SearchResponse found = host.manager().find(SearchRequest.of("415", 5));
 *     assertEquals(5, found.numbers().size());
 * }
 * }</pre>
 *
 * <p>The configuring methods ({@link #setting}, {@link #settings}, {@link #withHttp()}, {@link #isolated()},
 * {@link #withZips}) return a new extension and leave this one as it is. Not thread-safe: an extension holds
 * the host of the test that runs, and serves the tests of one class one at a time, as JUnit runs them
 * unless told to run them in parallel.
 */
public final class CarrierHostExtension implements BeforeEachCallback, AfterEachCallback {

    private static final String PLUGINS = "plugins";
    private static final String DATA = "data";
    /** The host-wide isolation setting, {@code process} or {@code in_process}. */
    private static final String ISOLATION = "plugins.isolation";

    private final List<Path> zips;
    private final Map<String, String> settings;
    private final boolean http;

    private Path root;
    private CarrierHost host;

    private CarrierHostExtension(List<Path> zips, Map<String, String> settings, boolean http) {
        this.zips = List.copyOf(zips);
        this.settings = Map.copyOf(settings);
        this.http = http;
    }

    /** An extension whose host loads the plugin zip at {@code zip}. */
    public static CarrierHostExtension withZip(Path zip) {
        return withZips(List.of(zip));
    }

    /** An extension whose host loads each of the plugin zips in {@code zips}. */
    public static CarrierHostExtension withZips(List<Path> zips) {
        return new CarrierHostExtension(zips, Map.of(ISOLATION, "in_process"), false);
    }

    /** This extension with the zips in {@code more} loaded too. */
    public CarrierHostExtension andZips(List<Path> more) {
        return new CarrierHostExtension(Stream.concat(zips.stream(), more.stream()).toList(), settings, http);
    }

    /** This extension with one host setting, for example {@code carrier.acme.api_key}. */
    public CarrierHostExtension setting(String key, String value) {
        return settings(Map.of(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }

    /** This extension with every setting in {@code values}, over those set before. */
    public CarrierHostExtension settings(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(values);
        return new CarrierHostExtension(zips, all, http);
    }

    /**
     * This extension with every carrier in a process of its own, as the product runs them by default
     * ({@code plugins.isolation=process}): each test host then starts a JVM per carrier.
     */
    public CarrierHostExtension isolated() {
        return setting(ISOLATION, "process");
    }

    /** This extension with the HTTP API on, on a free port of {@code http.bind} (127.0.0.1 unless set). */
    public CarrierHostExtension withHttp() {
        return new CarrierHostExtension(zips, settings, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        for (Path zip : zips) {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("no plugin zip at " + zip.toAbsolutePath() + ": build it first (mvn package)");
            }
        }
        root = Files.createTempDirectory("carrier-host-test");
        Files.createDirectories(pluginsDir());
        for (Path zip : zips) {
            Files.copy(zip, pluginsDir().resolve(zip.getFileName().toString()));
        }
        host = start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            closeHost();
        } finally {
            deleteTree(root);
        }
    }

    /** The running host. */
    public CarrierHost host() {
        if (host == null) {
            throw new IllegalStateException("the host runs only while a test runs");
        }
        return host;
    }

    /** The running host's Java API. */
    public CarrierManager manager() {
        return host().manager();
    }

    /**
     * Closes the running host and starts another on the same directories, as a restart of the process
     * would: what the registry stored survives.
     */
    public CarrierHost restart() {
        closeHost();
        host = start();
        return host;
    }

    /**
     * As {@link #restart()}, with the settings in {@code more} over this extension's for the new host
     * only: a test that needs one setting of its own.
     */
    public CarrierHost restartWith(Map<String, String> more) {
        closeHost();
        host = settings(more).startOn(root);
        return host;
    }

    /** The host's drop-in directory, holding copies of the zips; drop more in while it runs. */
    public Path pluginsDir() {
        return root.resolve(PLUGINS);
    }

    /** The host's data directory. */
    public Path dataDir() {
        return root.resolve(DATA);
    }

    private CarrierHost start() {
        return startOn(root);
    }

    private CarrierHost startOn(Path dir) {
        var builder = CarrierHost.builder().pluginsDir(dir.resolve(PLUGINS)).dataDir(dir.resolve(DATA)).settings(settings);
        return http ? builder.http(0).start() : builder.start();
    }

    private void closeHost() {
        if (host != null) {
            CarrierHost running = host;
            host = null;
            running.close();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
