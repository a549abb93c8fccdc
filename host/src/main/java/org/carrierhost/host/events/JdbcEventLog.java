package org.carrierhost.host.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log in the host's database table {@code events}.
 *
 * <p>Thread-safe: each call uses its own pooled connection.
 */
public final class JdbcEventLog implements EventLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcEventLog.class);
    private static final int MAX_ERROR = 4000;

    private final DataSource dataSource;

    public JdbcEventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(Event event) {
        String error = event.error() == null || event.error().length() <= MAX_ERROR
                ? event.error() : event.error().substring(0, MAX_ERROR);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO events (at, actor, action, target, result, error) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, event.time().toEpochMilli());
            s.setString(2, event.actor());
            s.setString(3, event.action());
            s.setString(4, event.target());
            s.setString(5, event.result());
            s.setString(6, error);
            s.executeUpdate();
        } catch (SQLException e) {
            log.error("cannot write event {}: {}", event, e.getMessage());
        }
        if (Event.FAILED.equals(event.result())) {
            log.warn("{} {} {} failed: {}", event.actor(), event.action(), event.target(), event.error());
        } else {
            log.info("{} {} {}", event.actor(), event.action(), event.target());
        }
    }

    @Override
    public List<Event> recent(int limit) {
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT at, actor, action, target, result, error FROM events ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new Event(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read events: " + e.getMessage(), e);
        }
        return events;
    }
}
