package org.carrierhost.host.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;

/**
 * The settings of a test host that is node {@code node} of a cluster on a test database: fast drop-in scans, and a
 * check and a heartbeat every 200 ms.
 */
final class ClusterNodes {

    private ClusterNodes() {
    }

    /** Node {@code node}'s settings on {@code database}, to add a test's own to. */
    static Map<String, String> settings(TestDatabase database, String node) {
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.putAll(database.settings());
        settings.put("cluster.node_id", node);
        settings.put("cluster.check_ms", "200");
        settings.put("cluster.heartbeat_ms", "200");
        return settings;
    }
}
