package org.carrierhost.host.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.HistoryEntry;
import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.store.Dialect;
import org.carrierhost.host.store.GroupCommit;

/**
 * The number registry over plain JDBC and portable SQL.
 *
 * <p>A write that ends in a state the caller reports (an acquire, a disconnect, an import) returns only once
 * its commit is on disk ({@link GroupCommit}: concurrent callers share the flush).
 *
 * <p>Thread-safe, also across hosts sharing the database: each call uses its own pooled connection, and
 * races are settled by conditional {@code UPDATE}s whose row counts say who won.
 */
public final class JdbcNumberRegistry implements NumberRegistry {

    private static final String COLUMNS = "number, state, carrier, account_id, data";
    /** Sorts after every digit, so [prefix, prefix + ':') is exactly the numbers starting with prefix. */
    private static final String AFTER_DIGITS = ":";
    private static final int IN_LIST_CHUNK = 500;
    /**
     * A page of a carrier's available numbers starting with a prefix: carrier, state, prefix, prefix + ':'.
     * Ordering by the index's own columns (equal to number order here) lets the database read the index in order
     * and stop after the page, instead of sorting the whole prefix range; on PostgreSQL the column's "C" collation
     * (migration V2) keeps that range exact whatever the database's collation. The page's offset and size are
     * written into the statement ({@link StockAttributes#page}), so that PostgreSQL plans it once per connection.
     */
    static final String STOCK_SEARCH = "SELECT " + COLUMNS + " FROM numbers"
            + " WHERE carrier = ? AND state = ? AND number >= ? AND number < ?"
            + " ORDER BY carrier, state, number";
    static final String HISTORY_INSERT =
            "INSERT INTO number_history (number, at, actor, from_state, to_state, carrier) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration claimLifetime;
    private final String owner;
    private final GroupCommit durable;
    private final StockWriter stock;

    /**
     * @param claimLifetime how long an unfinished claim blocks others; after that a crashed caller's claim
     *                      is taken over
     */
    public JdbcNumberRegistry(DataSource dataSource, Clock clock, Duration claimLifetime) {
        this(dataSource, clock, claimLifetime, UUID.randomUUID().toString());
    }

    /**
     * @param owner the instance id of this host process, written on each claim it takes (see {@link ClaimRecovery})
     */
    public JdbcNumberRegistry(DataSource dataSource, Clock clock, Duration claimLifetime, String owner) {
        this(dataSource, clock, claimLifetime, owner, new GroupCommit());
    }

    /**
     * @param durable how a commit is made durable before the call returns (shared by everything writing to
     *                {@code dataSource}, so their flushes are shared too)
     */
    public JdbcNumberRegistry(DataSource dataSource, Clock clock, Duration claimLifetime, String owner, GroupCommit durable) {
        this.durable = durable;
        this.owner = owner;
        this.dataSource = dataSource;
        this.clock = clock;
        this.claimLifetime = claimLifetime;
        this.stock = new StockWriter(dataSource, clock);
    }

    @Override
    public Optional<NumberRecord> find(String number) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, number);
        } catch (SQLException e) {
            throw failure("read " + number, e);
        }
    }

    /** Reads on the caller's connection: a caller already holding one must not wait for a second. */
    private static Optional<NumberRecord> find(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM numbers WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    @Override
    public Map<String, NumberState> states(Collection<String> numbers) {
        try (Connection c = dataSource.getConnection()) {
            return states(c, numbers);
        } catch (SQLException e) {
            throw failure("read states", e);
        }
    }

    /** Reads in chunks of one IN list each: in bulk, yet within every database's parameter limit. */
    private static Map<String, NumberState> states(Connection c, Collection<String> numbers) throws SQLException {
        Map<String, NumberState> states = new HashMap<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
            String marks = chunk.stream().map(n -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT number, state FROM numbers WHERE number IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        states.put(r.getString(1), NumberState.valueOf(r.getString(2)));
                    }
                }
            }
        }
        return states;
    }

    @Override
    public Map<String, NumberState> addInState(String carrier, Collection<String> numbers, NumberState state, String actor) {
        return addInState(carrier, numbers, state, actor, Map.of());
    }

    @Override
    public PresentNumbers addStock(String carrier, Collection<String> numbers, NumberState state, String actor,
                                   Map<String, NumberAttributes> attributes) {
        PresentNumbers present;
        try {
            present = stock.add(carrier, numbers, state, actor, attributes);
        } catch (SQLException e) {
            throw failure("add stock of " + carrier, e);
        }
        onDisk("add stock of " + carrier);
        return present;
    }

    /**
     * Returns once the commit just made is on disk ({@link GroupCommit}). Called after the connection went back
     * to the pool, so callers waiting for a shared flush hold no connection meanwhile.
     */
    private void onDisk(String what) {
        try {
            durable.awaitDurable(dataSource);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    @Override
    public ClaimResult claimOffered(String carrier, NumberOffer offer, Set<NumberState> from, NumberState target) {
        String token = UUID.randomUUID().toString();
        long now = clock.millis();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO numbers (number, state, carrier, data, created_at,"
                     + " updated_at, claim_token, claimed_at, claim_owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindNew(s, offer.number(), NumberState.DISCOVERY, carrier, CarrierDataCodec.encode(offer.data()), now);
            s.setString(7, token);
            s.setLong(8, now);
            s.setString(9, owner);
            s.executeUpdate();
            return new ClaimResult.Claimed(new Claim(new NumberRecord(offer.number(), NumberState.DISCOVERY, carrier, null,
                    new LinkedHashMap<>(CarrierDataCodec.plain(offer.data()))), token));
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw failure("claim " + offer.number(), e);
            }
        }
        // Stored meanwhile, by an earlier acquire or by another caller racing for it: claim it as usual.
        return claim(offer.number(), from, target);
    }

    @Override
    public ClaimResult claim(String number, Set<NumberState> from, NumberState target) {
        String token = UUID.randomUUID().toString();
        long now = clock.millis();
        String states = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE numbers SET claim_token = ?, claimed_at = ?, claim_owner = ? WHERE number = ? AND state IN ("
                             + states + ") AND (claim_token IS NULL OR claimed_at < ?)")) {
            s.setString(1, token);
            s.setLong(2, now);
            s.setString(3, owner);
            s.setString(4, number);
            s.setLong(5, now - claimLifetime.toMillis());
            int won = from.isEmpty() ? 0 : s.executeUpdate();
            Optional<NumberRecord> current = find(c, number);
            if (current.isEmpty()) {
                return new ClaimResult.Missing(number);
            }
            if (won == 1) {
                return new ClaimResult.Claimed(new Claim(current.get(), token));
            }
            return from.contains(current.get().state())
                    ? new ClaimResult.Busy(current.get())
                    : new ClaimResult.WrongState(current.get());
        } catch (SQLException e) {
            throw failure("claim " + number, e);
        }
    }

    @Override
    public NumberRecord complete(Claim claim, NumberRecord updated, String actor) {
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE numbers SET state = ?, carrier = ?, account_id = ?, data = ?, claim_token = NULL,"
                            + " claimed_at = NULL, updated_at = ? WHERE number = ? AND claim_token = ?")) {
                update.setString(1, updated.state().name());
                update.setString(2, updated.carrier());
                update.setString(3, updated.accountId());
                update.setString(4, CarrierDataCodec.encode(updated.data()));
                update.setLong(5, now);
                update.setString(6, claim.record().number());
                update.setString(7, claim.token());
                if (update.executeUpdate() != 1) {
                    c.rollback();
                    throw StandardException.of(ErrorCode.NUMBER_EXISTS,
                            "number " + claim.record().number() + " was taken over by another caller",
                            "the claim outlived its lifetime of " + claimLifetime.toMillis() + " ms");
                }
                insertHistory(c, claim.record().number(), now, actor, claim.record().state(), updated.state(), updated.carrier());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store " + claim.record().number(), e);
        }
        onDisk("store " + claim.record().number());
        return new NumberRecord(claim.record().number(), updated.state(), updated.carrier(), updated.accountId(),
                CarrierDataCodec.plain(updated.data()));
    }

    @Override
    public ClaimResult moveAtOnce(NumberRecord updated, Set<NumberState> from, String actor) {
        ClaimResult result = moveInOneTransaction(updated, from, actor);
        if (result instanceof ClaimResult.Moved) {
            onDisk("store " + updated.number());
        }
        return result;
    }

    private ClaimResult moveInOneTransaction(NumberRecord updated, Set<NumberState> from, String actor) {
        String number = updated.number();
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            if (Dialect.isPostgres(c)) {
                return moveInOneStatement(c, updated, from, actor, now);
            }
            c.setAutoCommit(false);
            try {
                Optional<NumberRecord> current = find(c, number);
                ClaimResult refused = current.isEmpty() ? new ClaimResult.Missing(number)
                        : from.contains(current.get().state()) ? null : new ClaimResult.WrongState(current.get());
                if (refused == null && stored(c, updated, current.get().state(), now)) {
                    insertHistory(c, number, now, actor, current.get().state(), updated.state(), updated.carrier());
                    c.commit();
                    return new ClaimResult.Moved(new NumberRecord(number, updated.state(), updated.carrier(),
                            updated.accountId(), CarrierDataCodec.plain(updated.data())));
                }
                c.rollback();
                return refused != null ? refused : new ClaimResult.Busy(current.get());
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store " + number, e);
        }
    }

    /**
     * PostgreSQL's {@link #moveAtOnce}: one statement in autocommit, so one round trip and one commit. It locks the
     * row ({@code FOR UPDATE}, so the state it checks is the newest), stores {@code updated} if that state is one of
     * {@code from} and no live claim holds the number, writes the history row from the old state, and returns the
     * row as it was with whether it moved.
     */
    private ClaimResult moveInOneStatement(Connection c, NumberRecord updated, Set<NumberState> from, String actor, long now)
            throws SQLException {
        String number = updated.number();
        if (from.isEmpty()) {
            Optional<NumberRecord> current = find(c, number);
            return current.isEmpty() ? new ClaimResult.Missing(number) : new ClaimResult.WrongState(current.get());
        }
        String states = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        try (PreparedStatement s = c.prepareStatement("WITH cur AS (SELECT " + COLUMNS + ", claim_token, claimed_at FROM numbers"
                + " WHERE number = ? FOR UPDATE),"
                + " moved AS (UPDATE numbers n SET state = ?, carrier = ?, account_id = ?, data = ?, claim_token = NULL,"
                + " claimed_at = NULL, updated_at = ? FROM cur WHERE n.number = cur.number AND cur.state IN (" + states + ")"
                + " AND (cur.claim_token IS NULL OR cur.claimed_at < ?) RETURNING cur.state AS from_state),"
                + " history AS (" + HISTORY_INSERT.replace(" VALUES (?, ?, ?, ?, ?, ?)", " SELECT ?, ?, ?, from_state, ?, ? FROM moved")
                + ") SELECT " + COLUMNS + ", (SELECT count(*) FROM moved) FROM cur")) {
            s.setString(1, number);
            s.setString(2, updated.state().name());
            s.setString(3, updated.carrier());
            s.setString(4, updated.accountId());
            s.setString(5, CarrierDataCodec.encode(updated.data()));
            s.setLong(6, now);
            s.setLong(7, now - claimLifetime.toMillis());
            s.setString(8, number);
            s.setLong(9, now);
            s.setString(10, actor);
            s.setString(11, updated.state().name());
            s.setString(12, updated.carrier());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new ClaimResult.Missing(number);
                }
                NumberRecord current = read(r);
                if (r.getLong(6) == 1) {
                    return new ClaimResult.Moved(new NumberRecord(number, updated.state(), updated.carrier(),
                            updated.accountId(), CarrierDataCodec.plain(updated.data())));
                }
                return from.contains(current.state()) ? new ClaimResult.Busy(current) : new ClaimResult.WrongState(current);
            }
        }
    }

    /** Stores {@code updated} if the number is still in {@code state} and unclaimed (or its claim expired). */
    private boolean stored(Connection c, NumberRecord updated, NumberState state, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE numbers SET state = ?, carrier = ?, account_id = ?, data = ?, claim_token = NULL, claimed_at = NULL,"
                        + " updated_at = ? WHERE number = ? AND state = ? AND (claim_token IS NULL OR claimed_at < ?)")) {
            update.setString(1, updated.state().name());
            update.setString(2, updated.carrier());
            update.setString(3, updated.accountId());
            update.setString(4, CarrierDataCodec.encode(updated.data()));
            update.setLong(5, now);
            update.setString(6, updated.number());
            update.setString(7, state.name());
            update.setLong(8, now - claimLifetime.toMillis());
            return update.executeUpdate() == 1;
        }
    }

    @Override
    public void release(Claim claim) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE numbers SET claim_token = NULL, claimed_at = NULL WHERE number = ? AND claim_token = ?")) {
            s.setString(1, claim.record().number());
            s.setString(2, claim.token());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("release " + claim.record().number(), e);
        }
    }

    @Override
    public void release(Claim claim, Map<String, Object> carrierData) {
        if (carrierData.isEmpty()) {
            release(claim);
            return;
        }
        Map<String, Object> kept = new LinkedHashMap<>(claim.record().data());
        kept.putAll(carrierData);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE numbers SET claim_token = NULL, claimed_at = NULL, data = ? WHERE number = ? AND claim_token = ?")) {
            s.setString(1, CarrierDataCodec.encode(kept));
            s.setString(2, claim.record().number());
            s.setString(3, claim.token());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("release " + claim.record().number(), e);
        }
    }

    @Override
    public List<HistoryEntry> history(String number) {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT at, actor, from_state, to_state, carrier FROM number_history WHERE number = ? ORDER BY id")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String from = r.getString(3);
                    entries.add(new HistoryEntry(number, Instant.ofEpochMilli(r.getLong(1)), r.getString(2),
                            from == null ? null : NumberState.valueOf(from), NumberState.valueOf(r.getString(4)),
                            r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw failure("read history of " + number, e);
        }
        return entries;
    }

    @Override
    public List<NumberRecord> ofCarrier(String carrier, Set<NumberState> states) {
        List<NumberRecord> records = new ArrayList<>();
        if (states.isEmpty()) {
            return records;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM numbers WHERE carrier = ? AND state IN ("
                     + states.stream().map(x -> "?").collect(Collectors.joining(", ")) + ") ORDER BY number")) {
            s.setString(1, carrier);
            int i = 2;
            for (NumberState state : states) {
                s.setString(i++, state.name());
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.add(read(r));
                }
            }
        } catch (SQLException e) {
            throw failure("read the numbers of " + carrier, e);
        }
        return records;
    }

    @Override
    public NumberRecord adopt(NumberRecord record, String actor) {
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<NumberRecord> current = find(c, record.number());
                if (current.isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO numbers (number, state, carrier, data, created_at,"
                            + " updated_at, account_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        bindNew(s, record.number(), record.state(), record.carrier(), CarrierDataCodec.encode(record.data()), now);
                        s.setString(7, record.accountId());
                        s.executeUpdate();
                    }
                } else if (!stored(c, record, current.get().state(), now)) {
                    c.rollback();
                    throw StandardException.of(ErrorCode.NUMBER_EXISTS, "number " + record.number() + " is being changed by another request",
                            "repair it once that acquire or disconnect is done");
                }
                insertHistory(c, record.number(), now, actor, current.map(NumberRecord::state).orElse(null), record.state(), record.carrier());
                c.commit();
                return record;
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("repair " + record.number(), e);
        }
    }

    @Override
    public List<NumberRecord> findTaken(String carrierId, int offset, int limit) {
        List<NumberRecord> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM numbers WHERE carrier = ? AND state <> ?"
                     + " ORDER BY number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            s.setString(1, carrierId);
            s.setString(2, NumberState.AVAILABLE.name());
            s.setInt(3, offset);
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.add(read(r));
                }
            }
        } catch (SQLException e) {
            throw failure("list the numbers taken from " + carrierId, e);
        }
        return records;
    }

    @Override
    public List<NumberRecord> agingOver(Duration agingFor, int limit) {
        long now = clock.millis();
        List<NumberRecord> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM numbers WHERE state = ? AND updated_at <= ?"
                     + " AND (claim_token IS NULL OR claimed_at < ?) ORDER BY updated_at FETCH FIRST ? ROWS ONLY")) {
            s.setString(1, NumberState.AGING.name());
            s.setLong(2, now - agingFor.toMillis());
            s.setLong(3, now - claimLifetime.toMillis());
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.add(read(r));
                }
            }
        } catch (SQLException e) {
            throw failure("read the numbers whose aging is over", e);
        }
        return records;
    }

    @Override
    public List<NumberRecord> findAvailable(String carrierId, String e164Prefix, SearchOptions options, int limit) {
        if (options.filters().isEmpty()) {
            return findAvailable(carrierId, e164Prefix, options.offset(), limit);
        }
        return stock(carrierId, StockAttributes.search(COLUMNS, carrierId, e164Prefix, e164Prefix + AFTER_DIGITS, options, limit), limit);
    }

    @Override
    public List<NumberRecord> findAvailable(String carrierId, String e164Prefix, int offset, int limit) {
        return stock(carrierId, new StockAttributes.Query(STOCK_SEARCH + StockAttributes.page(offset, limit),
                List.of(carrierId, NumberState.AVAILABLE.name(), e164Prefix, e164Prefix + AFTER_DIGITS)), limit);
    }

    /** The records a stock search of {@code carrierId} reads. */
    private List<NumberRecord> stock(String carrierId, StockAttributes.Query query, int limit) {
        List<NumberRecord> records = new ArrayList<>(Math.max(0, Math.min(limit, 1000)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(query.sql())) {
            query.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.add(read(r));
                }
            }
        } catch (SQLException e) {
            throw failure("search the stock of " + carrierId, e);
        }
        return records;
    }

    static void insertHistory(Connection c, String number, long at, String actor, NumberState from, NumberState to,
                              String carrier) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HISTORY_INSERT)) {
            bindHistory(s, number, at, actor, from, to, carrier);
            s.executeUpdate();
        }
    }

    static void bindNew(PreparedStatement insert, String number, NumberState state, String carrier, String data,
                                long now) throws SQLException {
        insert.setString(1, number);
        insert.setString(2, state.name());
        insert.setString(3, carrier);
        insert.setString(4, data);
        insert.setLong(5, now);
        insert.setLong(6, now);
    }

    static void bindHistory(PreparedStatement s, String number, long at, String actor, NumberState from,
                                    NumberState to, String carrier) throws SQLException {
        s.setString(1, number);
        s.setLong(2, at);
        s.setString(3, actor);
        s.setString(4, from == null ? null : from.name());
        s.setString(5, to.name());
        s.setString(6, carrier);
    }

    private static NumberRecord read(ResultSet r) throws SQLException {
        return new NumberRecord(r.getString(1), NumberState.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                new LinkedHashMap<>(CarrierDataCodec.decode(r.getString(5))));
    }

    static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException failure(String what, SQLException e) {
        return DatabaseFailure.of(what + " in the number registry", e);
    }
}
