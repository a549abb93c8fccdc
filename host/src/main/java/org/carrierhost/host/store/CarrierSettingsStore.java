package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.carrierhost.api.CarrierConfig;

/**
 * The carrier settings set through the API, kept in the database for every host ({@code carrier_settings}) and
 * here in memory, where they lie over the carrier's section from the conf file, the environment and
 * {@code --set}. A secret is stored sealed by the {@link SecretBox}, never in clear.
 *
 * <p>Thread-safe: each carrier's stored values are an immutable map, replaced whole in a concurrent map; the
 * writes of one carrier are serialised by that carrier's lifecycle lock, which its callers hold.
 */
public final class CarrierSettingsStore {

    private final DataSource dataSource;
    private final SecretBox box;
    private final Map<String, Map<String, String>> stored = new ConcurrentHashMap<>();

    private CarrierSettingsStore(DataSource dataSource, SecretBox box) {
        this.dataSource = dataSource;
        this.box = box;
    }

    /**
     * Every carrier's stored settings, read and opened now.
     *
     * @throws SecretBox.SecretKeyException when a stored secret does not open with this host's key
     * @throws IllegalStateException        when the database cannot be read
     */
    public static CarrierSettingsStore open(DataSource dataSource, SecretBox box) {
        CarrierSettingsStore store = new CarrierSettingsStore(dataSource, box);
        try {
            store.stored.putAll(store.readAll(null));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored carrier settings: " + e.getMessage(), e);
        }
        return store;
    }

    /** Carrier {@code carrier}'s section: {@code base} with its stored settings over it. */
    public CarrierConfig section(String carrier, CarrierConfig base) {
        Map<String, String> mine = stored.getOrDefault(carrier, Map.of());
        if (mine.isEmpty()) {
            return base;
        }
        Map<String, String> merged = new HashMap<>(base.values());
        merged.putAll(mine);
        return new CarrierConfig(merged);
    }

    /** The settings stored for {@code carrier}, keys without their prefix. */
    public Map<String, String> stored(String carrier) {
        return stored.getOrDefault(carrier, Map.of());
    }

    /** The carriers that have settings stored. */
    public Set<String> carriers() {
        return Set.copyOf(stored.keySet());
    }

    /** Whether {@code fullKey} ({@code carrier.<id>.<key>}) is stored here. */
    public boolean isStored(String fullKey) {
        for (Map.Entry<String, Map<String, String>> carrier : stored.entrySet()) {
            String prefix = "carrier." + carrier.getKey() + ".";
            if (fullKey.startsWith(prefix) && carrier.getValue().containsKey(fullKey.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces what is stored for {@code carrier} with {@code values} (empty: nothing), durably, then here;
     * the keys in {@code secrets} are sealed.
     *
     * @throws RuntimeException as {@link DatabaseFailure#of} says, when the database cannot take it
     */
    public void replace(String carrier, Map<String, String> values, Set<String> secrets, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM carrier_settings WHERE carrier = ?")) {
                    s.setString(1, carrier);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO carrier_settings "
                        + "(carrier, setting_key, stored_value, secret, actor, changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (Map.Entry<String, String> e : values.entrySet()) {
                        boolean secret = secrets.contains(e.getKey());
                        s.setString(1, carrier);
                        s.setString(2, e.getKey());
                        s.setString(3, secret ? box.seal(e.getValue(), place(carrier, e.getKey())) : e.getValue());
                        s.setBoolean(4, secret);
                        s.setString(5, actor);
                        s.setLong(6, System.currentTimeMillis());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("store the settings of carrier " + carrier, e);
        }
        remember(carrier, values);
    }

    /**
     * Reads {@code carrier}'s stored settings from the database again (another host changed them).
     *
     * @return what was held here before, for {@link #remember} to put back
     * @throws SecretBox.SecretKeyException when a stored secret does not open with this host's key
     */
    public Map<String, String> refresh(String carrier) {
        Map<String, String> before = stored(carrier);
        try {
            remember(carrier, readAll(carrier).getOrDefault(carrier, Map.of()));
        } catch (SQLException e) {
            throw DatabaseFailure.of("read the settings of carrier " + carrier, e);
        }
        return before;
    }

    /** Holds {@code values} here as {@code carrier}'s stored settings, without writing them. */
    public void remember(String carrier, Map<String, String> values) {
        if (values.isEmpty()) {
            stored.remove(carrier);
        } else {
            stored.put(carrier, Map.copyOf(values));
        }
    }

    private Map<String, Map<String, String>> readAll(String only) throws SQLException {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        String sql = "SELECT carrier, setting_key, stored_value, secret FROM carrier_settings"
                + (only == null ? "" : " WHERE carrier = ?") + " ORDER BY carrier, setting_key";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (only != null) {
                s.setString(1, only);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String carrier = r.getString(1);
                    String key = r.getString(2);
                    String value = r.getBoolean(4) ? box.open(r.getString(3), place(carrier, key)) : r.getString(3);
                    all.computeIfAbsent(carrier, k -> new LinkedHashMap<>()).put(key, value);
                }
            }
        }
        return all;
    }

    private static String place(String carrier, String key) {
        return "carrier." + carrier + "." + key;
    }
}
