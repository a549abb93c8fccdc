package org.carrierhost.host.http;

import java.util.List;

import org.carrierhost.host.cluster.NodeCarrier;
import org.carrierhost.host.cluster.NodeStatus;

/**
 * The answer of {@code GET /api/cluster}: this node's id, and every node sharing its database.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param node  this host's {@code cluster.node_id}
 * @param nodes every node, by id
 */
record ClusterAnswer(String node, List<Node> nodes) {

    ClusterAnswer {
        nodes = List.copyOf(nodes);
    }

    static ClusterAnswer of(String me, List<NodeStatus> nodes) {
        return new ClusterAnswer(me, nodes.stream().map(Node::of).toList());
    }

    /**
     * One node.
     *
     * @param node          its id
     * @param address       where its API listens, or {@code embedded}
     * @param version       the host's version
     * @param started       when it started, ISO-8601
     * @param heartbeat     its latest heartbeat, ISO-8601
     * @param up            whether that heartbeat is within {@code cluster.down_after_ms}
     * @param appliedChange the last carrier change it applied
     * @param carriers      its carriers as of that heartbeat
     */
    record Node(String node, String address, String version, String started, String heartbeat, boolean up,
                long appliedChange, List<NodeCarrier> carriers) {

        Node {
            carriers = List.copyOf(carriers);
        }

        static Node of(NodeStatus n) {
            return new Node(n.nodeId(), n.address(), n.version(), n.started().toString(), n.heartbeat().toString(), n.up(),
                    n.appliedChange(), n.carriers());
        }
    }
}
