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
    private static final int MAX_CARRIER = 64;
    private static final String COLUMNS = "id, at, actor, action, target, result, error, carrier, node";

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
     * @return the entries with the ids the table gave them, in the batch's order
     * @throws SQLException when the database cannot take it; nothing of the batch is written then
     */
    public List<LoggedEvent> append(List<Event> batch) throws SQLException {
        List<Event> stamped = batch.stream().map(event -> event.stampedWith(node)).toList();
        List<LoggedEvent> stored = new ArrayList<>(batch.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO events (at, actor, action, target, result, error, carrier, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                for (Event event : stamped) {
                    s.setLong(1, event.time().toEpochMilli());
                    s.setString(2, event.actor());
                    s.setString(3, event.action());
                    s.setString(4, clip(event.target(), MAX_TARGET));
                    s.setString(5, event.result());
                    s.setString(6, clip(event.error(), MAX_ERROR));
                    s.setString(7, clip(event.carrier(), MAX_CARRIER));
                    s.setString(8, event.node());
                    s.addBatch();
                }
                s.executeBatch();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    for (Event event : stamped) {
                        stored.add(new LoggedEvent(keys.next() ? keys.getLong(1) : 0, event));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        }
        return stored;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public List<Event> recent(int limit) {
        return find(EventQuery.newest(limit)).stream().map(LoggedEvent::event).toList();
    }

    @Override
    public List<LoggedEvent> find(EventQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        where(sql, values, "carrier = ?", query.carrier());
        where(sql, values, "action = ?", query.action());
        where(sql, values, "actor = ?", query.actor());
        where(sql, values, "at >= ?", query.since() == null ? null : query.since().toEpochMilli());
        where(sql, values, "id < ?", query.before());
        where(sql, values, "id > ?", query.after());
        sql.append(query.after() != null && query.before() == null ? " ORDER BY id ASC" : " ORDER BY id DESC");
        sql.append(" FETCH FIRST ? ROWS ONLY");
        values.add(query.limit());
        List<LoggedEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new LoggedEvent(r.getLong(1), new Event(Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9))));
                }
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("read events", e);
        }
        return events;
    }

    private static void where(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }
}
