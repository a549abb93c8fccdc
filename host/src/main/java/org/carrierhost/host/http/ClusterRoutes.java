package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.cluster.ClusterSync;

/**
 * {@code GET /api/cluster}: the hosts sharing this host's database, each with its address, version, last
 * heartbeat, whether it is up, and each carrier's version and state on it; so an operator sees a host
 * that lags.
 *
 * <p>Thread-safe: reads the thread-safe {@link ClusterSync}.
 */
public final class ClusterRoutes {

    private final ClusterSync cluster;

    public ClusterRoutes(ClusterSync cluster) {
        this.cluster = cluster;
    }

    /** Adds the route to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/cluster", Role.VIEWER, request -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("node", cluster.me().nodeId());
            body.put("nodes", cluster.nodes().stream().map(JsonViews::node).toList());
            return ApiResponse.ok(body);
        }));
    }
}
