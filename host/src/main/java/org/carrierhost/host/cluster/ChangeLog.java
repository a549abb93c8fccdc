package org.carrierhost.host.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.carrierhost.host.events.CarrierAction;

/**
 * The {@code carrier_changes} table: every operator change to a carrier, in order. On PostgreSQL an
 * append also sends a notification on {@link #CHANNEL}, delivered to the listening hosts at commit.
 *
 * <p>Thread-safe: each call uses its own pooled connection, or the caller's.
 */
final class ChangeLog {

    /** The {@code LISTEN/NOTIFY} channel of carrier changes. */
    static final String CHANNEL = "carrier_host_changes";
    /** How many changes one read returns at most; the rest come on the next. */
    private static final int PAGE = 500;

    private final DataSource dataSource;
    private final boolean notify;

    /**
     * @param notify whether to send a PostgreSQL notification with each append
     */
    ChangeLog(DataSource dataSource, boolean notify) {
        this.dataSource = dataSource;
        this.notify = notify;
    }

    /** Appends a change on {@code c}, in the caller's transaction; returns its id. */
    long append(Connection c, String carrier, CarrierAction action, String node, String actor) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO carrier_changes (carrier, action, node, actor, at) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, carrier);
            s.setString(2, action.name());
            s.setString(3, node);
            s.setString(4, clip(actor));
            s.setLong(5, System.currentTimeMillis());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (notify) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, CHANNEL);
                s.setString(2, Long.toString(id));
                s.execute();
            }
        }
        return id;
    }

    private static String clip(String actor) {
        return actor.length() <= 128 ? actor : actor.substring(0, 128);
    }

    /** The changes after {@code id}, oldest first, at most {@value #PAGE}. */
    List<ChangeRecord> after(long id) throws SQLException {
        List<ChangeRecord> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, carrier, action, node, at FROM carrier_changes WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changes.add(new ChangeRecord(r.getLong(1), r.getString(2),
                            CarrierAction.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4), r.getLong(5)));
                }
            }
        }
        return changes;
    }

    /** The id of the latest change, or 0 when there is none. */
    long latest() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM carrier_changes");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
