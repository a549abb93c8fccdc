package org.carrierhost.host.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The plugin zips installed through the API, in the database: {@code plugin_zips} holds each zip once,
 * addressed by its SHA-256, and {@code cluster_plugins} which zip each such carrier deploys, with the armored
 * signature uploaded with it, if any.
 *
 * <p>Thread-safe: each call uses its own pooled connection, or the caller's.
 */
final class PluginStore {

    private final DataSource dataSource;

    PluginStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** On {@code c}, in the caller's transaction: stores {@code zip} (once per SHA-256) and makes it {@code plugin}'s carrier's. */
    void put(Connection c, StoredPlugin plugin, byte[] zip) throws SQLException {
        String sha256 = plugin.sha256();
        boolean stored;
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM plugin_zips WHERE sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                stored = r.next();
            }
        }
        if (!stored) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plugin_zips (sha256, size, zip) VALUES (?, ?, ?)")) {
                s.setString(1, sha256);
                s.setLong(2, zip.length);
                s.setBytes(3, zip);
                s.executeUpdate();
            }
        }
        remove(c, plugin.carrier());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO cluster_plugins (carrier, version, sha256, change_id, node, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, plugin.carrier());
            s.setString(2, plugin.version());
            s.setString(3, sha256);
            s.setLong(4, plugin.changeId());
            s.setString(5, plugin.node());
            s.setString(6, plugin.signature() == null ? null : new String(plugin.signature(), StandardCharsets.US_ASCII));
            s.executeUpdate();
        }
    }

    /** On {@code c}, in the caller's transaction: carrier {@code id} is no longer deployed from the database. */
    void remove(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM cluster_plugins WHERE carrier = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    /** Every carrier installed through the API, by id. */
    List<StoredPlugin> all() throws SQLException {
        List<StoredPlugin> plugins = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT carrier, version, sha256, change_id, node, signature FROM cluster_plugins ORDER BY carrier");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String signature = r.getString(6);
                plugins.add(new StoredPlugin(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                        signature == null ? null : signature.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        return plugins;
    }

    /** The zip whose SHA-256 is {@code sha256}. */
    Optional<byte[]> zip(String sha256) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT zip FROM plugin_zips WHERE sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }
}
