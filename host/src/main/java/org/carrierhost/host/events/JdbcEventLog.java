package org.carrierhost.host.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.carrierhost.host.store.DatabaseFailure;

/**
 * The event log in the host's database table {@code events}. Every host sharing the database writes to
 * it, each entry stamped with the node it happened on, so each host reads the whole cluster's log.
 *
 * <p>Thread-safe: each call uses its own pooled connection.
 */
public final class JdbcEventLog implements EventLog {

    private static final int MAX_ERROR = 4000;
    private static final int MAX_TARGET = 256;

    private final DataSource dataSource;
    private final String node;

    /**
     * @param node this host's {@code cluster.node_id}, stamped on the entries it writes
     */
    public JdbcEventLog(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    /**
     * Appends {@code batch} in one transaction.
     *
     * @throws SQLException when the database cannot take it; nothing of the batch is written then
     */
    public void append(List<Event> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO events (at, actor, action, target, result, error, node) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Event event : batch) {
                    s.setLong(1, event.time().toEpochMilli());
                    s.setString(2, event.actor());
                    s.setString(3, event.action());
                    s.setString(4, clip(event.target(), MAX_TARGET));
                    s.setString(5, event.result());
                    s.setString(6, clip(event.error(), MAX_ERROR));
                    s.setString(7, event.node() == null ? node : event.node());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public List<Event> recent(int limit) {
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT at, actor, action, target, result, error, node FROM events ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new Event(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("read events", e);
        }
        return events;
    }
}
