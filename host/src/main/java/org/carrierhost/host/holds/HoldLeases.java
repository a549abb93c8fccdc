package org.carrierhost.host.holds;

import static org.carrierhost.host.holds.HoldStore.ACTIVE;
import static org.carrierhost.host.holds.HoldStore.failure;
import static org.carrierhost.host.holds.HoldStore.freeNumbers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.carrierhost.host.store.DatabaseTime;
import org.carrierhost.host.store.Dialect;
import org.carrierhost.host.store.Transactions;

/**
 * Ending holds under a lease, on the database's clock: a due hold (or one being released) is leased to one host at a
 * time (on PostgreSQL claimed with {@code FOR UPDATE SKIP LOCKED}, so reapers on several hosts never wait on each
 * other), and every step of ending it is conditional on that lease, so a host whose lease lapsed changes nothing and
 * another host finishes once it has.
 *
 * <p>Thread-safe, also across hosts sharing the database: each call uses its own pooled connection, and races are
 * settled by conditional updates.
 */
public final class HoldLeases {

    private final DataSource dataSource;

    public HoldLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A lease on a hold: the token every step of ending it must show. */
    public record Lease(String holdId, String token) {
    }

    /**
     * Leases up to {@code limit} active holds whose end has passed by the database's clock and that no live lease
     * covers, for {@code lease}. On PostgreSQL the candidates are locked with {@code FOR UPDATE SKIP LOCKED}, so
     * reapers of several hosts each take other holds; everywhere, the lease itself is a conditional update.
     */
    public List<Lease> leaseDue(int limit, Duration lease) {
        return leaseWhere("state = ? AND expires_at <= ? AND (lease_until IS NULL OR lease_until < ?)", (s, now) -> {
            s.setString(1, ACTIVE);
            s.setLong(2, now);
            s.setLong(3, now);
            return 4;
        }, limit, lease);
    }

    /** Leases active hold {@code id}, due or not, unless a live lease covers it (a reaper is ending it). */
    public Optional<Lease> leaseOne(String id, Duration lease) {
        return leaseWhere("state = ? AND id = ? AND (lease_until IS NULL OR lease_until < ?)", (s, now) -> {
            s.setString(1, ACTIVE);
            s.setString(2, id);
            s.setLong(3, now);
            return 4;
        }, 1, lease).stream().findFirst();
    }

    /** Binds a condition's parameters, given the database's time; answers the index of the next parameter. */
    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement s, long now) throws SQLException;
    }

    private List<Lease> leaseWhere(String condition, Binder binder, int limit, Duration lease) {
        List<Lease> leased = new ArrayList<>();
        try {
            Transactions.inOne(dataSource, c -> {
                long now = DatabaseTime.nowMillis(c);
                List<String> candidates = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM holds WHERE " + condition + " ORDER BY expires_at"
                        + " FETCH FIRST ? ROWS ONLY" + (Dialect.isPostgres(c) ? " FOR UPDATE SKIP LOCKED" : ""))) {
                    s.setInt(binder.bind(s, now), limit);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            candidates.add(r.getString(1));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE holds SET lease_token = ?, lease_until = ? WHERE id = ? AND state = ?"
                        + " AND (lease_until IS NULL OR lease_until < ?)")) {
                    for (String candidate : candidates) {
                        String token = UUID.randomUUID().toString();
                        s.setString(1, token);
                        s.setLong(2, now + lease.toMillis());
                        s.setString(3, candidate);
                        s.setString(4, ACTIVE);
                        s.setLong(5, now);
                        if (s.executeUpdate() == 1) {
                            leased.add(new Lease(candidate, token));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("lease due holds", e);
        }
        return leased;
    }

    /**
     * Marks {@code number} of the leased hold done (released at its carrier, or nothing to release), if the lease
     * is still the holder's.
     *
     * @return false when the lease was lost meanwhile
     */
    public boolean markDone(Lease lease, String number) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE hold_numbers SET done = TRUE WHERE hold_id = ? AND number = ?"
                     + " AND EXISTS (SELECT 1 FROM holds WHERE id = ? AND lease_token = ? AND state = ?)")) {
            s.setString(1, lease.holdId());
            s.setString(2, number);
            s.setString(3, lease.holdId());
            s.setString(4, lease.token());
            s.setString(5, ACTIVE);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("mark " + number + " of hold " + lease.holdId() + " released", e);
        }
    }

    /**
     * Ends the leased hold as {@code end} and frees its numbers, in one transaction, if the lease is still the
     * holder's: of the hosts that ever leased it, exactly one ends it.
     *
     * @return whether this call ended it
     */
    public boolean finish(Lease lease, HoldState end) {
        try {
            return Transactions.inOne(dataSource, c -> {
                long now = DatabaseTime.nowMillis(c);
                try (PreparedStatement s = c.prepareStatement("UPDATE holds SET state = ?, ended_at = ?, lease_token = NULL,"
                        + " lease_until = NULL WHERE id = ? AND lease_token = ? AND state = ?")) {
                    s.setString(1, end.name());
                    s.setLong(2, now);
                    s.setString(3, lease.holdId());
                    s.setString(4, lease.token());
                    s.setString(5, ACTIVE);
                    if (s.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                freeNumbers(c, lease.holdId(), null);
                return true;
            });
        } catch (SQLException e) {
            throw failure("end hold " + lease.holdId(), e);
        }
    }
}
