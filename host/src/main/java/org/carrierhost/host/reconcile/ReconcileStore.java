package org.carrierhost.host.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.store.DatabaseTime;

/**
 * Reconciliation reports, their rows and their repairs, and each carrier's schedule, in the registry's database
 * (migration V9).
 *
 * <p>Thread-safe, also across hosts sharing the database: each call uses its own pooled connection; a repair and a
 * scheduled run are settled by conditional updates.
 */
final class ReconcileStore {

    private final DataSource dataSource;

    ReconcileStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a report with its rows, in one transaction; answers it with its id and time. */
    Reconciliation insert(String carrier, String actor, int checked, List<DriftRow> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long now = DatabaseTime.nowMillis(c);
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO reconcile_reports (carrier, at, actor, checked) VALUES (?, ?, ?, ?)",
                        new String[] {"id"})) {
                    s.setString(1, carrier);
                    s.setLong(2, now);
                    s.setString(3, actor);
                    s.setInt(4, checked);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO reconcile_rows (report_id, number, kind, here, at_carrier)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
                    for (DriftRow row : rows) {
                        s.setLong(1, id);
                        s.setString(2, row.number());
                        s.setString(3, row.kind().name());
                        s.setString(4, row.here() == null ? null : row.here().name());
                        s.setString(5, row.atCarrier() == null ? null : row.atCarrier().name());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return new Reconciliation(id, carrier, Instant.ofEpochMilli(now), actor, checked, rows);
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("store a reconciliation of " + carrier, e);
        }
    }

    /** The newest reports of {@code carrier}, at most {@code limit}. */
    List<Reconciliation> list(String carrier, int limit) {
        List<Reconciliation> reports = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, at, actor, checked FROM reconcile_reports WHERE carrier = ?"
                    + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                s.setString(1, carrier);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reports.add(new Reconciliation(r.getLong(1), carrier, Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                                r.getInt(4), List.of()));
                    }
                }
            }
            List<Reconciliation> full = new ArrayList<>();
            for (Reconciliation report : reports) {
                full.add(new Reconciliation(report.id(), carrier, report.at(), report.actor(), report.checked(), rows(c, report.id())));
            }
            return full;
        } catch (SQLException e) {
            throw DatabaseFailure.of("read the reconciliations of " + carrier, e);
        }
    }

    /** Report {@code id} of {@code carrier}. */
    Optional<Reconciliation> find(String carrier, long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT at, actor, checked FROM reconcile_reports WHERE carrier = ? AND id = ?")) {
            s.setString(1, carrier);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Reconciliation(id, carrier, Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getInt(3), rows(c, id)));
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("read reconciliation " + id, e);
        }
    }

    private static List<DriftRow> rows(Connection c, long id) throws SQLException {
        List<DriftRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT number, kind, here, at_carrier, resolution, resolved_by, resolved_at"
                + " FROM reconcile_rows WHERE report_id = ? ORDER BY number")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long resolvedAt = r.getLong(7);
                    Instant resolved = r.wasNull() ? null : Instant.ofEpochMilli(resolvedAt);
                    rows.add(new DriftRow(r.getString(1), Drift.valueOf(r.getString(2)), state(r.getString(3)), state(r.getString(4)),
                            r.getString(5) == null ? null : Repair.valueOf(r.getString(5)), r.getString(6), resolved));
                }
            }
        }
        return rows;
    }

    private static NumberState state(String name) {
        return name == null ? null : NumberState.valueOf(name);
    }

    /**
     * Marks row {@code number} of report {@code id} repaired by {@code repair}, if it is still open.
     *
     * @return false when another repair settled it first
     */
    boolean resolve(long id, String number, Repair repair, String actor) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE reconcile_rows SET resolution = ?, resolved_by = ?, resolved_at = ?"
                     + " WHERE report_id = ? AND number = ? AND resolution IS NULL")) {
            s.setString(1, repair.name());
            s.setString(2, actor);
            s.setLong(3, DatabaseTime.nowMillis(c));
            s.setLong(4, id);
            s.setString(5, number);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw DatabaseFailure.of("repair " + number + " of reconciliation " + id, e);
        }
    }

    /**
     * Whether this host is the one to run {@code carrier}'s scheduled reconciliation now: true for exactly one of the
     * hosts asking once it is due by the database's clock, which moves it {@code every} on.
     */
    boolean takeDueRun(String carrier, Duration every) {
        try (Connection c = dataSource.getConnection()) {
            long now = DatabaseTime.nowMillis(c);
            try (PreparedStatement s = c.prepareStatement("UPDATE reconcile_schedule SET next_at = ? WHERE carrier = ? AND next_at <= ?")) {
                s.setLong(1, now + every.toMillis());
                s.setString(2, carrier);
                s.setLong(3, now);
                if (s.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reconcile_schedule (carrier, next_at) VALUES (?, ?)")) {
                s.setString(1, carrier);
                s.setLong(2, now + every.toMillis());
                s.executeUpdate();
                return true; // the first run of a carrier newly scheduled
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false; // scheduled already, and not due, or another host took it
                }
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("take the scheduled reconciliation of " + carrier, e);
        }
    }
}
