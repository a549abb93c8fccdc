package org.carrierhost.host.http;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.cluster.ClusterSync;
import org.carrierhost.host.cluster.NodeUpException;
import org.carrierhost.host.errors.StandardException;

/**
 * {@code GET /api/cluster}: the hosts sharing this host's database, each with its address, version, last
 * heartbeat, whether it is up, and each carrier's version and state on it; so an operator sees a host
 * that lags. {@code DELETE /api/cluster/nodes/{id}}: removes a node that is down from that view at once (a
 * node down for {@code cluster.forget_after_ms} is removed by itself).
 *
 * <p>Thread-safe: reads the thread-safe {@link ClusterSync}.
 */
public final class ClusterRoutes {

    private final ClusterSync cluster;

    public ClusterRoutes(ClusterSync cluster) {
        this.cluster = cluster;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/cluster", Role.VIEWER, request -> answer()));
        server.route(Route.of("DELETE", "/api/cluster/nodes/{id}", Role.OPERATOR, request -> {
            String node = request.parameter("id");
            boolean removed;
            try {
                removed = cluster.remove(node, request.actor());
            } catch (NodeUpException e) {
                throw StandardException.of(ErrorCode.INVALID_STATE_TRANSITION, "node " + node + " is up", e.getMessage());
            }
            if (!removed) {
                throw StandardException.of(ErrorCode.NOT_FOUND, "no node " + node + " in the cluster");
            }
            return answer();
        }));
    }

    private ApiResponse answer() {
        return ApiResponse.ok(ClusterAnswer.of(cluster.me().nodeId(), cluster.nodes()));
    }
}
