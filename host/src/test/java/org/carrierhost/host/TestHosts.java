package org.carrierhost.host;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.config.HostConfiguration;

/**
 * Starts real hosts for tests: real PF4J, real H2 in a temporary data directory, real HTTP on a free
 * loopback port.
 */
public final class TestHosts {

    /** The admin token every test host accepts. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private TestHosts() {
    }

    /** A host on {@code pluginsDir} and {@code dataDir}, with {@code settings} over the test defaults. */
    public static CarrierHost start(Path pluginsDir, Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("http.port", "0");
        all.put("admin.token", ADMIN_TOKEN);
        all.put("plugins.dir", pluginsDir.toString());
        all.put("data.dir", dataDir.toString());
        all.putAll(settings);
        return CarrierHost.start(HostConfiguration.of(all).settings());
    }
}
