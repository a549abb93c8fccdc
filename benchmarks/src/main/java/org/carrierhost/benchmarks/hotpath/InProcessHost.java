package org.carrierhost.benchmarks.hotpath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;

/**
 * A real {@link CarrierHost} in a temporary directory for the in-process hot-path harnesses, with the
 * plugin zips that {@link HotPathPlugins} writes and the settings given.
 *
 * <p>Thread-safe: the host is; the fields are final.
 */
final class InProcessHost implements AutoCloseable {

    private final Path work;
    private final CarrierHost host;

    private InProcessHost(Path work, CarrierHost host) {
        this.work = work;
        this.host = host;
    }

    /** Starts a host with the {@code plugins} kind of {@link HotPathPlugins} and {@code extra} settings. */
    static InProcessHost start(String plugins, Map<String, String> extra) throws Exception {
        Path work = Files.createTempDirectory("hotpath-bench");
        Path dir = work.resolve("plugins");
        HotPathPlugins.main(new String[] {plugins, dir.toString()});
        Map<String, String> settings = new LinkedHashMap<>(Map.of("http.port", "0", "http.bind", "127.0.0.1",
                "admin.token", "bench-token-0123456789", "plugins.dir", dir.toString(),
                "data.dir", work.resolve("data").toString(), "plugins.isolation", "in_process"));
        settings.putAll(extra);
        CarrierHost host = CarrierHost.start(HostConfiguration.of(settings).settings());
        try {
            // Every carrier written for the harness must serve: a refused zip would be measured as "not loaded".
            org.carrierhost.benchmarks.Serving.require(host, java.util.Arrays.stream(dir.toFile().list())
                    .map(name -> name.replaceFirst("^carrier-(.*)-1\\.0\\.0\\.zip$", "$1")).toList());
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        return new InProcessHost(work, host);
    }

    CarrierHost host() {
        return host;
    }

    /** The embedded registry's data file. */
    Path registryFile() {
        return work.resolve("data").resolve("registry.mv.db");
    }

    /** One search of {@code quantity} numbers under {@code prefix} at the named carriers. */
    SearchResponse find(String prefix, int quantity, List<String> carriers) {
        return host.manager().find(new SearchRequest(prefix, quantity, 0, null, carriers, 0, false, null));
    }

    @Override
    public void close() {
        host.close();
    }
}
