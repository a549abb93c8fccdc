package org.carrierhost.host.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.DatabaseFailure;

/**
 * Frees the claims of host processes that are gone. Each claim carries its owner, the instance id of the
 * process that took it; at start, every claim whose owner is not live is released. The number keeps the
 * state it had before the cut-off acquire or disconnect (so it can be acquired again, and that acquire
 * reconciles with the carrier), and its history gains an entry from that state to itself whose actor says
 * the change was cut off, so state and history agree and the gap is visible.
 *
 * <p>Which owners are live is the {@link OwnerLiveness}'s to say: a single host knows only itself; a
 * cluster can answer from the nodes' heartbeats.
 *
 * <p>Thread-safe: stateless apart from the data source; each release is its own transaction, guarded by
 * the claim token, so it never frees a claim taken again meanwhile.
 */
public final class ClaimRecovery {

    /** The actor of the history entry a released claim leaves. */
    public static final String ACTOR = "recovery: claim of a stopped host released; its acquire or disconnect was cut off";

    /** Whether the process with a given instance id still runs. */
    @FunctionalInterface
    public interface OwnerLiveness {
        /** @param owner an instance id, or null for a claim taken before claims had owners */
        boolean isLive(String owner);
    }

    private final DataSource dataSource;
    private final Clock clock;

    public ClaimRecovery(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Liveness for a host that shares its registry with no other: only {@code self} is live. */
    public static OwnerLiveness onlySelf(String self) {
        java.util.Objects.requireNonNull(self, "self");
        return self::equals;
    }

    /**
     * Releases every claim whose owner {@code liveness} says is gone.
     *
     * @return the numbers released
     */
    public List<String> releaseDeadClaims(OwnerLiveness liveness) {
        List<String> released = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> claimed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT number, state, carrier, claim_token, claim_owner FROM numbers WHERE claim_token IS NOT NULL");
                 ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5)});
                }
            }
            for (String[] row : claimed) {
                if (!liveness.isLive(row[4]) && release(c, row)) {
                    released.add(row[0]);
                }
            }
        } catch (SQLException e) {
            throw DatabaseFailure.of("release the claims of stopped hosts", e);
        }
        return released;
    }

    private boolean release(Connection c, String[] row) throws SQLException {
        long now = clock.millis();
        c.setAutoCommit(false);
        try (PreparedStatement update = c.prepareStatement("UPDATE numbers SET claim_token = NULL, claimed_at = NULL,"
                + " claim_owner = NULL, updated_at = ? WHERE number = ? AND claim_token = ?")) {
            update.setLong(1, now);
            update.setString(2, row[0]);
            update.setString(3, row[3]);
            if (update.executeUpdate() != 1) {
                c.rollback();
                return false;
            }
            NumberState state = NumberState.valueOf(row[1]);
            JdbcNumberRegistry.insertHistory(c, row[0], now, ACTOR, state, state, row[2]);
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            DatabaseFailure.rollbackAfter(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
