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
     * @param carriers      its carriers as of that heartbeat; on a node that is down, each one's state is unknown
     */
    record Node(String node, String address, String version, String started, String heartbeat, boolean up,
                long appliedChange, List<Carrier> carriers) {

        Node {
            carriers = List.copyOf(carriers);
        }

        static Node of(NodeStatus n) {
            return new Node(n.nodeId(), n.address(), n.version(), ApiTime.of(n.started()), ApiTime.of(n.heartbeat()), n.up(),
                    n.appliedChange(), n.carriers().stream().map(c -> Carrier.of(c, n.up())).toList());
        }
    }

    /**
     * One carrier on one node.
     *
     * @param id        the carrier id
     * @param version   the version it serves or last served, or null
     * @param state     its state there ({@code STARTED}, {@code DISABLED}, ...); {@code UNKNOWN} when the node is down
     * @param lastState the state the node last reported, up or down
     * @param enabled   whether it is enabled there
     * @param source    {@code directory} or {@code cluster}
     * @param sha256    the SHA-256 of the zip its serving version came from, or null
     * @param refused   why that node's trust policy refused the zip last judged for it, or null when it did not
     */
    record Carrier(String id, String version, String state, String lastState, boolean enabled, String source, String sha256,
                   String refused) {

        /** What a node that is down says of its carriers' state: nothing sure. */
        static final String UNKNOWN = "UNKNOWN";

        static Carrier of(NodeCarrier c, boolean nodeUp) {
            return new Carrier(c.id(), c.version(), nodeUp ? c.state() : UNKNOWN, c.state(), c.enabled(), c.source(), c.sha256(),
                    c.refused());
        }
    }
}
