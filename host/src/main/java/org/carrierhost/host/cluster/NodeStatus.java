package org.carrierhost.host.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One host of the cluster, as {@code GET /api/cluster} shows it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param nodeId        its {@code cluster.node_id}
 * @param address       where its API listens, or {@code embedded}
 * @param version       the host's version
 * @param started       when it started
 * @param heartbeat     its latest heartbeat
 * @param up            whether that heartbeat is recent ({@code cluster.down_after_ms})
 * @param appliedChange the last carrier change it applied
 * @param carriers      its carriers, as of that heartbeat
 */
public record NodeStatus(String nodeId, String address, String version, Instant started, Instant heartbeat, boolean up,
                         long appliedChange, List<NodeCarrier> carriers) {

    public NodeStatus {
        carriers = List.copyOf(carriers);
    }
}
