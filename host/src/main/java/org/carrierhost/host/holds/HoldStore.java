package org.carrierhost.host.holds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.store.DatabaseTime;
import org.carrierhost.host.store.Transactions;

/**
 * The holds in the registry's database (migration V9), on the database's clock: made, settled at their carriers,
 * read, extended and consumed. One live hold per number is kept by the primary key of {@code held_numbers}; ending a
 * hold under a lease is {@link HoldLeases}'.
 *
 * <p>Thread-safe, also across hosts sharing the database: each call uses its own pooled connection, and races
 * are settled by keys and conditional updates.
 */
public final class HoldStore {

    static final String ACTIVE = HoldState.ACTIVE.name();

    private final DataSource dataSource;

    public HoldStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a new active hold of {@code numbers} (number to carrier) for {@code accountId}, each soft and ending
     * {@code ttl} from now by the database's clock until {@link #settle} says otherwise; all in one transaction.
     *
     * @throws StandardException 409 {@code number_exists} naming the hold that holds one of the numbers already
     */
    public Hold insert(String accountId, Map<String, String> numbers, Duration ttl, String actor) {
        String id = "hold-" + UUID.randomUUID();
        try {
            Transactions.inOne(dataSource, c -> {
                long now = DatabaseTime.nowMillis(c);
                long expires = now + ttl.toMillis();
                try (PreparedStatement s = c.prepareStatement("INSERT INTO holds (id, account_id, state, created_at, expires_at,"
                        + " actor) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setString(2, accountId);
                    s.setString(3, ACTIVE);
                    s.setLong(4, now);
                    s.setLong(5, expires);
                    s.setString(6, actor);
                    s.executeUpdate();
                }
                try (PreparedStatement held = c.prepareStatement("INSERT INTO held_numbers (number, hold_id, account_id) VALUES (?, ?, ?)");
                     PreparedStatement row = c.prepareStatement("INSERT INTO hold_numbers (hold_id, number, carrier, kind, expires_at, done)"
                             + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (Map.Entry<String, String> n : numbers.entrySet()) {
                        held.setString(1, n.getKey());
                        held.setString(2, id);
                        held.setString(3, accountId);
                        try {
                            held.executeUpdate();
                        } catch (SQLException e) {
                            if (!"23505".equals(e.getSQLState())) {
                                throw e;
                            }
                            c.rollback();
                            throw heldAlready(n.getKey());
                        }
                        row.setString(1, id);
                        row.setString(2, n.getKey());
                        row.setString(3, n.getValue());
                        row.setString(4, HoldKind.SOFT.name());
                        row.setLong(5, expires);
                        row.setBoolean(6, false);
                        row.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("store a hold", e);
        }
        return find(id).orElseThrow();
    }

    /** The 409 for a number another hold holds, naming that hold and when it ends. */
    private StandardException heldAlready(String number) {
        Optional<Holder> holder = holderOf(number);
        String hold = holder.map(Holder::holdId).orElse("another hold");
        return new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS, "number " + number + " is held by " + hold,
                holder.flatMap(h -> find(h.holdId())).map(h -> "hold " + h.id() + " for account " + h.accountId()
                        + " until " + h.expiresAt()).orElse(hold), null));
    }

    /**
     * Records that {@code number} of hold {@code holdId} is held at its carrier under {@code reference} until
     * {@code carrierExpiresAt}, and that its hold ends at {@code expiresAt}; the hold's own end becomes the
     * earliest of its numbers'.
     */
    public void settle(String holdId, String number, String reference, Instant carrierExpiresAt, Instant expiresAt) {
        try {
            Transactions.inOne(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE hold_numbers SET kind = ?, reference = ?, carrier_expires_at = ?,"
                        + " expires_at = ? WHERE hold_id = ? AND number = ?")) {
                    s.setString(1, HoldKind.CARRIER.name());
                    s.setString(2, reference);
                    s.setLong(3, carrierExpiresAt.toEpochMilli());
                    s.setLong(4, expiresAt.toEpochMilli());
                    s.setString(5, holdId);
                    s.setString(6, number);
                    s.executeUpdate();
                }
                refreshExpiry(c, holdId);
                return null;
            });
        } catch (SQLException e) {
            throw failure("settle hold " + holdId, e);
        }
    }

    private static void refreshExpiry(Connection c, String holdId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE holds SET expires_at = (SELECT MIN(expires_at) FROM hold_numbers"
                + " WHERE hold_id = ? AND done = FALSE) WHERE id = ? AND EXISTS (SELECT 1 FROM hold_numbers WHERE hold_id = ? AND done = FALSE)")) {
            s.setString(1, holdId);
            s.setString(2, holdId);
            s.setString(3, holdId);
            s.executeUpdate();
        }
    }

    /** Removes a hold that could not be made, with its numbers. */
    public void delete(String holdId) {
        try {
            Transactions.inOne(dataSource, c -> {
                for (String table : List.of("held_numbers", "hold_numbers")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE hold_id = ?")) {
                        s.setString(1, holdId);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM holds WHERE id = ?")) {
                    s.setString(1, holdId);
                    s.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure("remove hold " + holdId, e);
        }
    }

    /** Hold {@code id}, with its numbers. */
    public Optional<Hold> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            HoldRow head;
            try (PreparedStatement s = c.prepareStatement("SELECT account_id, state, created_at, expires_at FROM holds WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    head = new HoldRow(r.getString(1), HoldState.valueOf(r.getString(2)), r.getLong(3), r.getLong(4));
                }
            }
            List<HeldNumber> numbers = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT number, carrier, kind, expires_at, carrier_expires_at, reference, done"
                    + " FROM hold_numbers WHERE hold_id = ? ORDER BY number")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long carrierExpires = r.getLong(5);
                        Instant carrierEnd = r.wasNull() ? null : Instant.ofEpochMilli(carrierExpires);
                        numbers.add(new HeldNumber(r.getString(1), r.getString(2), HoldKind.valueOf(r.getString(3)),
                                Instant.ofEpochMilli(r.getLong(4)), carrierEnd, r.getString(6), r.getBoolean(7)));
                    }
                }
            }
            return Optional.of(new Hold(id, head.accountId, head.state, Instant.ofEpochMilli(head.createdAt),
                    Instant.ofEpochMilli(head.expiresAt), numbers));
        } catch (SQLException e) {
            throw failure("read hold " + id, e);
        }
    }

    /** The newest holds, at most {@code limit}: only active ones when {@code activeOnly}, only {@code accountId}'s when not null. */
    public List<Hold> list(String accountId, boolean activeOnly, int limit) {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM holds WHERE (? IS NULL OR account_id = ?) AND (? = FALSE OR state = ?)"
                     + " ORDER BY created_at DESC, id FETCH FIRST ? ROWS ONLY")) {
            s.setString(1, accountId);
            s.setString(2, accountId);
            s.setBoolean(3, activeOnly);
            s.setString(4, ACTIVE);
            s.setInt(5, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("list holds", e);
        }
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private record HoldRow(String accountId, HoldState state, long createdAt, long expiresAt) {
    }

    /** Who holds a number now. */
    public record Holder(String holdId, String accountId) {
    }

    /** The hold that holds {@code number} now, if any. */
    public Optional<Holder> holderOf(String number) {
        return holders(List.of(number)).entrySet().stream().findFirst().map(Map.Entry::getValue);
    }

    /** Which of {@code numbers} are held now, and by whom. */
    public Map<String, Holder> holders(Collection<String> numbers) {
        Map<String, Holder> held = new HashMap<>();
        if (numbers.isEmpty()) {
            return held;
        }
        List<String> all = List.copyOf(numbers);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                try (PreparedStatement s = c.prepareStatement("SELECT number, hold_id, account_id FROM held_numbers WHERE number IN ("
                        + chunk.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            held.put(r.getString(1), new Holder(r.getString(2), r.getString(3)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read held numbers", e);
        }
        return held;
    }

    /**
     * Moves the end of active hold {@code id}'s numbers still held to {@code ttl} from now by the database's clock,
     * but never past a carrier's own expiry less {@code margin}.
     *
     * @return false when the hold is not active, or a reaper is ending it
     */
    public boolean extend(String id, Duration ttl, Duration margin) {
        try {
            return Transactions.inOne(dataSource, c -> {
                long now = DatabaseTime.nowMillis(c);
                try (PreparedStatement lock = c.prepareStatement("UPDATE holds SET expires_at = expires_at WHERE id = ? AND state = ?"
                        + " AND expires_at > ? AND (lease_until IS NULL OR lease_until < ?)")) {
                    lock.setString(1, id);
                    lock.setString(2, ACTIVE);
                    lock.setLong(3, now);
                    lock.setLong(4, now);
                    if (lock.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                long wanted = now + ttl.toMillis();
                try (PreparedStatement s = c.prepareStatement("UPDATE hold_numbers SET expires_at = CASE WHEN carrier_expires_at IS NOT NULL"
                        + " AND carrier_expires_at - ? < ? THEN carrier_expires_at - ? ELSE ? END WHERE hold_id = ? AND done = FALSE")) {
                    s.setLong(1, margin.toMillis());
                    s.setLong(2, wanted);
                    s.setLong(3, margin.toMillis());
                    s.setLong(4, wanted);
                    s.setString(5, id);
                    s.executeUpdate();
                }
                refreshExpiry(c, id);
                return true;
            });
        } catch (SQLException e) {
            throw failure("extend hold " + id, e);
        }
    }

    /**
     * Takes {@code number} out of active hold {@code holdId}, which an acquire by its account consumed: no release is
     * sent. The hold ends as consumed once none of its numbers is left.
     *
     * @return whether the hold ended
     */
    public boolean consume(String holdId, String number) {
        try {
            return Transactions.inOne(dataSource, c -> {
                long now = DatabaseTime.nowMillis(c);
                try (PreparedStatement s = c.prepareStatement("UPDATE hold_numbers SET done = TRUE WHERE hold_id = ? AND number = ?")) {
                    s.setString(1, holdId);
                    s.setString(2, number);
                    s.executeUpdate();
                }
                freeNumbers(c, holdId, number);
                boolean ended;
                try (PreparedStatement s = c.prepareStatement("UPDATE holds SET state = ?, ended_at = ?, lease_token = NULL, lease_until = NULL"
                        + " WHERE id = ? AND state = ? AND NOT EXISTS (SELECT 1 FROM hold_numbers WHERE hold_id = ? AND done = FALSE)")) {
                    s.setString(1, HoldState.CONSUMED.name());
                    s.setLong(2, now);
                    s.setString(3, holdId);
                    s.setString(4, ACTIVE);
                    s.setString(5, holdId);
                    ended = s.executeUpdate() == 1;
                }
                if (!ended) {
                    refreshExpiry(c, holdId);
                }
                return ended;
            });
        } catch (SQLException e) {
            throw failure("consume " + number + " of hold " + holdId, e);
        }
    }

    /** Frees the numbers of {@code holdId} (only {@code number}, when not null) for other holds and accounts. */
    static void freeNumbers(Connection c, String holdId, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM held_numbers WHERE hold_id = ?" + (number == null ? "" : " AND number = ?"))) {
            s.setString(1, holdId);
            if (number != null) {
                s.setString(2, number);
            }
            s.executeUpdate();
        }
    }

    static RuntimeException failure(String what, SQLException e) {
        return DatabaseFailure.of(what + " in the holds", e);
    }
}
