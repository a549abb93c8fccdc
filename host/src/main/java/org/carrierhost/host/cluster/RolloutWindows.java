package org.carrierhost.host.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.carrierhost.host.plugins.rollout.WindowFigures;

/**
 * The {@code carrier_rollout_windows} table (PostgreSQL): each host's calls on each version of a carrier's rollout
 * since its window was last judged. A host adds its own at the end of each of its windows; the host that judges takes
 * them all at once ({@code DELETE ... RETURNING}, so no host's figures are lost between a read and a clear).
 *
 * <p>Thread-safe: stateless; each call runs on the caller's connection, in its transaction.
 */
final class RolloutWindows {

    private static final String STABLE = "stable";
    private static final String CANARY = "canary";

    private RolloutWindows() {
    }

    /** Adds {@code node}'s figures of carrier {@code id}'s window just ended, on {@code c}. */
    static void add(Connection c, String id, String node, WindowFigures stable, WindowFigures canary) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO carrier_rollout_windows (carrier, node, side, calls, errors,"
                + " timeouts, p99_ms, searches, asked, returned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (carrier, node, side) DO UPDATE SET calls = carrier_rollout_windows.calls + EXCLUDED.calls,"
                + " errors = carrier_rollout_windows.errors + EXCLUDED.errors,"
                + " timeouts = carrier_rollout_windows.timeouts + EXCLUDED.timeouts,"
                + " p99_ms = GREATEST(carrier_rollout_windows.p99_ms, EXCLUDED.p99_ms),"
                + " searches = carrier_rollout_windows.searches + EXCLUDED.searches,"
                + " asked = carrier_rollout_windows.asked + EXCLUDED.asked,"
                + " returned = carrier_rollout_windows.returned + EXCLUDED.returned")) {
            bind(s, id, node, STABLE, stable);
            s.addBatch();
            bind(s, id, node, CANARY, canary);
            s.addBatch();
            s.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, String id, String node, String side, WindowFigures f) throws SQLException {
        s.setString(1, id);
        s.setString(2, node);
        s.setString(3, side);
        s.setLong(4, f.calls());
        s.setLong(5, f.errors());
        s.setLong(6, f.timeouts());
        s.setDouble(7, f.p99Ms());
        s.setLong(8, f.searches());
        s.setLong(9, f.asked());
        s.setLong(10, f.returned());
    }

    /**
     * Takes every host's figures of carrier {@code id}'s window, on {@code c}: the next window starts empty.
     *
     * @return the stable version's figures, then the canary's: counts summed, the highest p99
     */
    static WindowFigures[] take(Connection c, String id) throws SQLException {
        WindowFigures stable = WindowFigures.NONE;
        WindowFigures canary = WindowFigures.NONE;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM carrier_rollout_windows WHERE carrier = ?"
                + " RETURNING side, calls, errors, timeouts, p99_ms, searches, asked, returned")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    WindowFigures f = new WindowFigures(r.getLong(2), r.getLong(3), r.getLong(4), r.getDouble(5), r.getLong(6),
                            r.getLong(7), r.getLong(8));
                    if (STABLE.equals(r.getString(1))) {
                        stable = stable.plus(f);
                    } else {
                        canary = canary.plus(f);
                    }
                }
            }
        }
        return new WindowFigures[] {stable, canary};
    }
}
