package org.carrierhost.host.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.carrierhost.host.plugins.lifecycle.RolloutBoard;
import org.carrierhost.host.plugins.rollout.RolloutStatus;
import org.carrierhost.host.plugins.rollout.RolloutView;
import org.carrierhost.host.plugins.rollout.WindowFigures;
import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.store.Transactions;

/**
 * The canary rollouts of a cluster, in its PostgreSQL database (migration V17): each carrier's rollout in
 * {@code carrier_rollouts}, and each host's calls on each version since the window was last judged in
 * {@code carrier_rollout_windows}. Every host adds its figures at the end of each of its windows; the one host that
 * takes the carrier's advisory lock ({@code pg_try_advisory_xact_lock}) once the interval has passed on the database's
 * clock takes every host's figures, judges them together (calls, errors, timeouts and numbers summed, the highest
 * p99), stores the next state and notifies on {@link #CHANNEL}. An operator's action waits for the same lock. A
 * PostgreSQL notification received on that channel is passed to the listeners by {@link #changed()}.
 *
 * <p>Thread-safe: each call runs its own transaction; the carrier's advisory lock orders the writes of every host;
 * the listeners are a copy-on-write list.
 */
final class SharedRollouts implements RolloutBoard {

    /** The {@code LISTEN/NOTIFY} channel of rollout changes. */
    static final String CHANNEL = "carrier_host_rollouts";
    /** The first key of the advisory locks of rollouts (the second is a hash of the carrier id): issue 27's. */
    private static final int LOCK_SPACE = 27;
    private static final String COLUMNS = "stable_version, canary_version, weight, step, steps, acquires, status, reason, began_at";

    private final DataSource dataSource;
    private final String node;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    SharedRollouts(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public RolloutView began(String id, RolloutView began, boolean afresh) {
        return write("record the rollout of " + id, c -> {
            lock(c, id);
            Optional<RolloutView> stored = read(c, id).filter(began::sameVersions);
            if (stored.isPresent() && (!stored.get().status().ended() || !afresh)) {
                return stored.get();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM carrier_rollout_windows WHERE carrier = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            store(c, id, began, now(c), true);
            return began;
        });
    }

    @Override
    public Optional<RolloutView> judge(String id, RolloutView current, WindowFigures stable, WindowFigures canary,
                                       Duration interval, Decision decide) {
        return write("judge the rollout of " + id, c -> {
            RolloutWindows.add(c, id, node, stable, canary);
            if (read(c, id).isEmpty()) {
                lock(c, id); // None stored (the database failed when it began): this host's is the one from now.
                if (read(c, id).isEmpty()) {
                    store(c, id, current, now(c), true);
                }
            }
            Optional<RolloutView> stored = read(c, id).filter(current::sameVersions);
            if (stored.isEmpty() || stored.get().status().ended() || !tryLock(c, id)) {
                return stored;
            }
            long now = now(c);
            RolloutView locked = read(c, id).orElseThrow();
            // Every host judges each interval, but one judgement an interval counts: the first of the hosts past it.
            if (now - judgedAt(c, id) < interval.toMillis() * 4 / 5) {
                return Optional.of(locked);
            }
            WindowFigures[] all = RolloutWindows.take(c, id);
            RolloutView decided = decide.after(locked, all[0], all[1]);
            store(c, id, decided, now, true);
            return Optional.of(decided);
        });
    }

    @Override
    public RolloutView change(String id, RolloutView current, UnaryOperator<RolloutView> change) {
        return write("change the rollout of " + id, c -> {
            lock(c, id);
            RolloutView next = change.apply(read(c, id).filter(current::sameVersions).orElse(current));
            store(c, id, next, now(c), false);
            return next;
        });
    }

    @Override
    public Optional<RolloutView> stored(String id) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw DatabaseFailure.of("read the rollout of " + id, e);
        }
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Another host may have changed a rollout: tells the listeners. */
    void changed() {
        listeners.forEach(Runnable::run);
    }

    private <T> T write(String what, Transactions.Work<T> work) {
        try {
            return Transactions.inOne(dataSource, work);
        } catch (SQLException e) {
            throw DatabaseFailure.of(what, e);
        }
    }

    /** Waits for carrier {@code id}'s advisory lock, held until the transaction ends. */
    private static void lock(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, id);
            s.execute();
        }
    }

    /** Takes carrier {@code id}'s advisory lock, held until the transaction ends, unless another host holds it. */
    private static boolean tryLock(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))");
             ResultSet r = query(s, LOCK_SPACE, id)) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static ResultSet query(PreparedStatement s, int space, String id) throws SQLException {
        s.setInt(1, space);
        s.setString(2, id);
        return s.executeQuery();
    }

    /** The database's clock, in milliseconds: one clock for every host. */
    private static long now(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long judgedAt(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT judged_at FROM carrier_rollouts WHERE carrier = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private static Optional<RolloutView> read(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM carrier_rollouts WHERE carrier = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RolloutView(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getInt(5),
                        r.getBoolean(6), RolloutStatus.valueOf(r.getString(7).toUpperCase(Locale.ROOT)), r.getString(8),
                        Instant.ofEpochMilli(r.getLong(9)), WindowFigures.NONE, WindowFigures.NONE));
            }
        }
    }

    /** Stores {@code view} as carrier {@code id}'s rollout, judged at {@code now} when {@code judged}, and notifies. */
    private void store(Connection c, String id, RolloutView view, long now, boolean judged) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO carrier_rollouts (carrier, " + COLUMNS
                + ", judged_at, updated_at, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (carrier) DO UPDATE"
                + " SET stable_version = EXCLUDED.stable_version, canary_version = EXCLUDED.canary_version,"
                + " weight = EXCLUDED.weight, step = EXCLUDED.step, steps = EXCLUDED.steps, acquires = EXCLUDED.acquires,"
                + " status = EXCLUDED.status, reason = EXCLUDED.reason, began_at = EXCLUDED.began_at,"
                + " judged_at = " + (judged ? "EXCLUDED.judged_at" : "carrier_rollouts.judged_at")
                + ", updated_at = EXCLUDED.updated_at, node = EXCLUDED.node")) {
            s.setString(1, id);
            s.setString(2, view.stable());
            s.setString(3, view.canary());
            s.setInt(4, view.weight());
            s.setInt(5, view.step());
            s.setInt(6, view.steps());
            s.setBoolean(7, view.acquires());
            s.setString(8, view.status().wireName());
            s.setString(9, view.reason().length() <= 1000 ? view.reason() : view.reason().substring(0, 1000));
            s.setLong(10, view.since().toEpochMilli());
            s.setLong(11, now);
            s.setLong(12, now);
            s.setString(13, node);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, id);
            s.execute();
        }
    }
}
