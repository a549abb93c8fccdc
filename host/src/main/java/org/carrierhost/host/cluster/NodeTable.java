package org.carrierhost.host.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.carrierhost.host.store.Transactions;

/**
 * The {@code nodes} and {@code node_carriers} tables: each host's heartbeat, address, version, the last
 * change it applied, and its carriers.
 *
 * <p>Thread-safe: each call uses its own pooled connection.
 */
final class NodeTable {

    private final DataSource dataSource;

    NodeTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a heartbeat of {@code node}, replacing what it said of its carriers before, in one transaction. */
    void beat(NodeIdentity node, long appliedChange, List<NodeCarrier> carriers) throws SQLException {
        long now = System.currentTimeMillis();
        Transactions.inOne(dataSource, c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE nodes SET address = ?, version = ?, started_at = ?, heartbeat_at = ?, applied_change = ? WHERE node_id = ?")) {
                s.setString(1, node.address());
                s.setString(2, node.version());
                s.setLong(3, node.started().toEpochMilli());
                s.setLong(4, now);
                s.setLong(5, appliedChange);
                s.setString(6, node.nodeId());
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO nodes (node_id, address, version, started_at, heartbeat_at, applied_change) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, node.nodeId());
                    s.setString(2, node.address());
                    s.setString(3, node.version());
                    s.setLong(4, node.started().toEpochMilli());
                    s.setLong(5, now);
                    s.setLong(6, appliedChange);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM node_carriers WHERE node_id = ?")) {
                s.setString(1, node.nodeId());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO node_carriers (node_id, carrier, version, state, enabled, source, sha256, refused)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NodeCarrier carrier : carriers) {
                    s.setString(1, node.nodeId());
                    s.setString(2, clip(carrier.id(), 128));
                    s.setString(3, carrier.version() == null ? null : clip(carrier.version(), 100));
                    s.setString(4, clip(carrier.state(), 16));
                    s.setBoolean(5, carrier.enabled());
                    s.setString(6, carrier.source());
                    s.setString(7, carrier.sha256());
                    s.setString(8, carrier.refused() == null ? null : clip(carrier.refused(), 1000));
                    s.addBatch();
                }
                if (!carriers.isEmpty()) {
                    s.executeBatch();
                }
            }
            return null;
        });
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The last change {@code nodeId} applied, when it has beaten before. */
    OptionalLong appliedChange(String nodeId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT applied_change FROM nodes WHERE node_id = ?")) {
            s.setString(1, nodeId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Every node, by id; one whose heartbeat is older than {@code downAfter} is down. */
    List<NodeStatus> all(Duration downAfter) throws SQLException {
        long now = System.currentTimeMillis();
        Map<String, List<NodeCarrier>> carriers = new LinkedHashMap<>();
        List<NodeStatus> nodes = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT node_id, carrier, version, state, enabled, source, sha256, refused FROM node_carriers"
                            + " ORDER BY node_id, carrier");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    carriers.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new NodeCarrier(r.getString(2),
                            r.getString(3), r.getString(4), r.getBoolean(5), r.getString(6), r.getString(7), r.getString(8)));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT node_id, address, version, started_at, heartbeat_at, applied_change FROM nodes ORDER BY node_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long heartbeat = r.getLong(5);
                    nodes.add(new NodeStatus(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                            Instant.ofEpochMilli(heartbeat), now - heartbeat <= downAfter.toMillis(), r.getLong(6),
                            carriers.getOrDefault(r.getString(1), List.of())));
                }
            }
        }
        return nodes;
    }

    /**
     * Removes {@code nodeId} and its carriers when its heartbeat is older than {@code downAfter}, in one transaction;
     * a node whose heartbeat is recent is left, since it would come back at its next one.
     *
     * @return when it last beat, if it was removed; empty when there is no such node
     * @throws NodeUpException when it is up
     */
    Optional<Instant> remove(String nodeId, Duration downAfter) throws SQLException {
        long oldest = System.currentTimeMillis() - downAfter.toMillis();
        return Transactions.inOne(dataSource, c -> {
            long heartbeat;
            try (PreparedStatement s = c.prepareStatement("SELECT heartbeat_at FROM nodes WHERE node_id = ?")) {
                s.setString(1, nodeId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    heartbeat = r.getLong(1);
                }
            }
            if (heartbeat >= oldest) {
                throw new NodeUpException(nodeId, Instant.ofEpochMilli(heartbeat));
            }
            return delete(c, nodeId, oldest) ? Optional.of(Instant.ofEpochMilli(heartbeat)) : Optional.empty();
        });
    }

    /** Removes every node whose heartbeat is older than {@code forgetAfter}; each one removed, with its last heartbeat. */
    Map<String, Instant> forget(Duration forgetAfter) throws SQLException {
        long oldest = System.currentTimeMillis() - forgetAfter.toMillis();
        Map<String, Instant> old = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT node_id, heartbeat_at FROM nodes WHERE heartbeat_at < ?")) {
            s.setLong(1, oldest);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    old.put(r.getString(1), Instant.ofEpochMilli(r.getLong(2)));
                }
            }
        }
        Map<String, Instant> forgotten = new LinkedHashMap<>();
        for (Map.Entry<String, Instant> node : old.entrySet()) {
            // Another host may forget it at the same moment: only the one whose delete took the row reports it.
            if (Transactions.inOne(dataSource, c -> delete(c, node.getKey(), oldest))) {
                forgotten.put(node.getKey(), node.getValue());
            }
        }
        return forgotten;
    }

    /** Deletes the node when its heartbeat is still older than {@code oldest}; whether it did. */
    private static boolean delete(Connection c, String nodeId, long oldest) throws SQLException {
        int deleted;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM nodes WHERE node_id = ? AND heartbeat_at < ?")) {
            s.setString(1, nodeId);
            s.setLong(2, oldest);
            deleted = s.executeUpdate();
        }
        if (deleted > 0) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM node_carriers WHERE node_id = ?")) {
                s.setString(1, nodeId);
                s.executeUpdate();
            }
        }
        return deleted > 0;
    }
}
