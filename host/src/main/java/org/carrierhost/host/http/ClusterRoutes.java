package org.carrierhost.host.http;

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
        server.route(Route.of("GET", "/api/cluster", Role.VIEWER,
                request -> ApiResponse.ok(ClusterAnswer.of(cluster.me().nodeId(), cluster.nodes()))));
    }
}
