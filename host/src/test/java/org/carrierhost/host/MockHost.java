package org.carrierhost.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts, for each test, a real host serving the mock carrier's zip over HTTP
 * on loopback, in fresh temporary plugin and data directories, and closes it after the test. Register it
 * with {@code @RegisterExtension final MockHost mock = new MockHost();}.
 *
 * <p>Not thread-safe: one instance serves the tests of one class, one test at a time.
 */
public final class MockHost implements BeforeEachCallback, AfterEachCallback {

    private final Map<String, String> settings;
    private Path root;
    private CarrierHost host;
    private ApiClient api;

    /** A host with the test defaults. */
    public MockHost() {
        this(Map.of());
    }

    /** A host with {@code settings} over the test defaults. */
    public MockHost(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        root = Files.createTempDirectory("mock-host");
        TestPlugins.copyMock(pluginsDir());
        host = TestHosts.start(pluginsDir(), dataDir(), settings);
        api = ApiClient.of(host);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (host != null) {
            host.close();
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The running host. */
    public CarrierHost host() {
        return host;
    }

    /** An admin client of its API. */
    public ApiClient api() {
        return api;
    }

    /** Its drop-in directory, holding the mock zip. */
    public Path pluginsDir() {
        return root.resolve("plugins");
    }

    /** Its data directory. */
    public Path dataDir() {
        return root.resolve("data");
    }
}
