package org.carrierhost.host.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How this host takes part in the cluster of hosts sharing its database ({@code cluster.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param nodeId    {@code cluster.node_id}; when unset, the host name and the HTTP port
 * @param heartbeat {@code cluster.heartbeat_ms}: how often this host records its heartbeat and carriers
 * @param check     {@code cluster.check_ms}: how often it checks for changes made on other hosts, besides
 *                  PostgreSQL's notifications
 * @param downAfter {@code cluster.down_after_ms}: a node whose heartbeat is older than this is shown down
 * @param forgetAfter {@code cluster.forget_after_ms}: a node whose heartbeat is older than this is removed
 */
public record ClusterSettings(Optional<String> nodeId, Duration heartbeat, Duration check, Duration downAfter,
                              Duration forgetAfter) {

    /** What a node id may look like. */
    public static final String NODE_ID = "[A-Za-z0-9._:-]{1,128}";

    static ClusterSettings from(HostConfiguration values) {
        Optional<String> nodeId = values.optional(Settings.CLUSTER_NODE_ID);
        if (nodeId.isPresent() && !nodeId.get().matches(NODE_ID)) {
            throw new InvalidSettingException(Settings.CLUSTER_NODE_ID.key(),
                    "must be 1 to 128 letters, digits, '.', '_', ':' or '-', got '" + nodeId.get() + "'");
        }
        Duration downAfter = values.get(Settings.CLUSTER_DOWN_AFTER);
        Duration forgetAfter = values.get(Settings.CLUSTER_FORGET_AFTER);
        if (forgetAfter.compareTo(downAfter) <= 0) {
            throw new InvalidSettingException(Settings.CLUSTER_FORGET_AFTER.key(), "must be longer than "
                    + Settings.CLUSTER_DOWN_AFTER.key() + " (" + downAfter.toMillis() + "), got " + forgetAfter.toMillis()
                    + ": a node is forgotten only once it is down");
        }
        return new ClusterSettings(nodeId, values.get(Settings.CLUSTER_HEARTBEAT), values.get(Settings.CLUSTER_CHECK),
                downAfter, forgetAfter);
    }
}
