package org.carrierhost.host.plugins.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.carrierhost.host.store.DatabaseFailure;

/**
 * Carrier enable/disable flags in the host's database table {@code carrier_states}.
 *
 * <p>Thread-safe: each call uses its own pooled connection; a write is an update, then an insert if no
 * row was there, retried once if another host inserted first.
 */
public final class JdbcCarrierStateStore implements CarrierStateStore {

    private final DataSource dataSource;

    public JdbcCarrierStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean isEnabled(String id) {
        return all().getOrDefault(id, true);
    }

    @Override
    public void setEnabled(String id, boolean enabled, String actor) {
        for (int attempt = 0; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE carrier_states SET enabled = ?, updated_at = ?, actor = ? WHERE carrier = ?")) {
                    update.setBoolean(1, enabled);
                    update.setLong(2, System.currentTimeMillis());
                    update.setString(3, actor);
                    update.setString(4, id);
                    if (update.executeUpdate() == 1) {
                        return;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO carrier_states (carrier, enabled, updated_at, actor) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setBoolean(2, enabled);
                    insert.setLong(3, System.currentTimeMillis());
                    insert.setString(4, actor);
                    insert.executeUpdate();
                    return;
                }
            } catch (SQLException e) {
                if (attempt == 0 && "23505".equals(e.getSQLState())) {
                    continue;
                }
                throw DatabaseFailure.of("persist the state of carrier " + id, e);
            }
        }
    }

    @Override
    public Map<String, Boolean> all() {
        Map<String, Boolean> states = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT carrier, enabled FROM carrier_states");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                states.put(r.getString(1), r.getBoolean(2));
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("read carrier states", e);
        }
        return states;
    }
}
