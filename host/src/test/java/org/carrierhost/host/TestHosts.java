package org.carrierhost.host;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.testkit.CarrierHostExtension;

/**
 * Starts real hosts for tests: real PF4J, real H2 in a temporary data directory, real HTTP on a free
 * loopback port.
 */
public final class TestHosts {

    /** The admin token every test host accepts. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /**
     * Carriers in the host's own process, for the speed of a test host: the product runs each in a process of its own
     * (a JVM started per carrier). Every host {@link #start} makes has it, under the test's own settings; a test
     * of an isolated carrier sets {@code carrier.<id>.isolation=process} or {@link #ISOLATED}.
     */
    public static final Map<String, String> IN_HOST = Map.of("plugins.isolation", "in_process");

    /** Every carrier in a process of its own, as the product runs them by default. */
    public static final Map<String, String> ISOLATED = Map.of("plugins.isolation", "process");

    /** Fast scans of the drop-in directory for tests; behavioural deadlines stay the product's. */
    public static final Map<String, String> FAST_WATCH = Map.of("plugins.rescan_ms", "200", "plugins.stable_ms", "200");

    private TestHosts() {
    }

    /** A host on {@code pluginsDir} and {@code dataDir}, with {@code settings} over the test defaults ({@link #IN_HOST} among them). */
    public static CarrierHost start(Path pluginsDir, Path dataDir, Map<String, String> settings) {
        return start(pluginsDir, dataDir, settings, Clock.systemUTC());
    }

    /** As {@link #start(Path, Path, Map)}, with {@code recentCallsClock} telling the current minute of the carriers' recent figures. */
    public static CarrierHost start(Path pluginsDir, Path dataDir, Map<String, String> settings, Clock recentCallsClock) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("http.port", "0");
        all.put("admin.token", ADMIN_TOKEN);
        all.put("plugins.dir", pluginsDir.toString());
        all.put("data.dir", dataDir.toString());
        all.putAll(IN_HOST);
        all.putAll(settings);
        return CarrierHost.start(HostConfiguration.of(all).settings(), List.of(), true, Optional.empty(), recentCallsClock);
    }

    /**
     * The test kit's extension for the built zips of {@code carriers}: a fresh host for each test, with
     * the admin token {@link ApiClient#of} sends and HTTP off (add {@code .withHttp()} for the API).
     */
    public static CarrierHostExtension withCarriers(String... carriers) {
        return CarrierHostExtension.withZips(java.util.Arrays.stream(carriers).map(TestPlugins::builtZip).toList())
                .setting("admin.token", ADMIN_TOKEN);
    }

    /** A fresh host for each test serving the mock carrier over HTTP on loopback. */
    public static CarrierHostExtension mockOverHttp() {
        return withCarriers("mock").withHttp();
    }

    /** As {@link #start}, once its carrier {@code id} has started (closed again when it does not, within 15 s). */
    public static CarrierHost startServing(Path pluginsDir, Path dataDir, Map<String, String> settings, String id) {
        CarrierHost host = start(pluginsDir, dataDir, settings);
        try {
            ApiClient api = ApiClient.of(host);
            Await.until(java.time.Duration.ofSeconds(15),
                    () -> "STARTED".equals(api.get("/api/carriers/" + id).json().path("state").asText()),
                    () -> api.get("/api/carriers/" + id).text());
            return host;
        } catch (RuntimeException | AssertionError e) {
            host.close();
            throw e;
        }
    }

    /** How many of {@code host}'s recent events are {@code action} on a target starting with {@code targetStart}. */
    public static long eventCount(CarrierHost host, String action, String targetStart) {
        return host.events().recent(1000).stream()
                .filter(e -> e.action().equals(action) && e.target().startsWith(targetStart)).count();
    }
}
