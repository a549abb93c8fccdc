package org.carrierhost.host.registry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import javax.sql.DataSource;

import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.store.Dialect;
import org.carrierhost.host.store.GroupCommit;
import org.postgresql.copy.CopyIn;

/**
 * A stock import's write, all or nothing in one transaction: the numbers not yet stored are added with their history
 * rows (none -> the import's state) and attributes, and the ones already stored are read into a
 * {@link PresentNumbers}. On PostgreSQL the numbers are streamed with {@code COPY} into a temporary staging table and
 * stored by one {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}; on H2 by {@code INSERT ... SELECT ... FROM UNNEST(?)}
 * of 5,000 numbers at a time. Nothing here holds an
 * object per number: the numbers are read from the caller's list as they are written, and the present ones are kept
 * compact. The caller makes the commit durable ({@link GroupCommit}) before it answers.
 *
 * <p>Thread-safe: stateless but for the data source and clock; each call uses its own pooled connection, and a race
 * with another writer is settled by the database (a duplicate key on H2 is tried again, a conflict on PostgreSQL skipped).
 */
final class StockWriter {

    /** Numbers per statement on H2, and rows per page of PostgreSQL's cursor: bounded driver memory. */
    private static final int BATCH = 5_000;
    private static final int IN_LIST = 500;
    /** Rows added at once after which PostgreSQL's planner statistics are refreshed (see {@link #refreshStatistics}). */
    private static final int ANALYZE_AFTER = 10_000;
    /** An import on PostgreSQL gets {@code store.statement_timeout_ms} for each this many numbers. */
    private static final int NUMBERS_PER_TIMEOUT = 10_000;
    /** How often an import is tried again on H2 when a concurrent writer stored one of its numbers first. */
    private static final int ADD_ATTEMPTS = 3;
    /** Bytes streamed to {@code COPY} at a time. */
    private static final int COPY_CHUNK = 64 * 1024;

    private final DataSource dataSource;
    private final Clock clock;

    StockWriter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Adds those of {@code numbers} (distinct, E.164) not yet stored; returns those that were. */
    PresentNumbers add(String carrier, Collection<String> numbers, NumberState state, String actor,
                       Map<String, NumberAttributes> attributes) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (Dialect.isPostgres(c)) {
                return copy(c, carrier, numbers, state, actor, attributes);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    PresentNumbers present = stored(c, numbers);
                    insert(c, carrier, numbers, present, state, actor);
                    StockAttributes.describeAdded(c, carrier, attributes, present::contains);
                    c.commit();
                    return present;
                } catch (SQLException | RuntimeException e) {
                    DatabaseFailure.rollbackAfter(c, e);
                    // Another writer stored one of these between our read and our insert: read again.
                    if (!(e instanceof SQLException sql && JdbcNumberRegistry.isDuplicateKey(sql)) || attempt == ADD_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Which of {@code numbers} are stored, read by IN lists of {@value #IN_LIST}. */
    private static PresentNumbers stored(Connection c, Collection<String> numbers) throws SQLException {
        PresentNumbers present = new PresentNumbers();
        String marks = "?" + ", ?".repeat(IN_LIST - 1);
        try (PreparedStatement s = c.prepareStatement("SELECT number, state FROM numbers WHERE number IN (" + marks + ")")) {
            Iterator<String> each = numbers.iterator();
            while (each.hasNext()) {
                String last = null;
                for (int i = 1; i <= IN_LIST; i++) {
                    // A short last list repeats its last number: one statement for every list.
                    last = each.hasNext() ? each.next() : last;
                    s.setString(i, last);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        present.found(r.getString(1), NumberState.valueOf(r.getString(2)));
                    }
                }
            }
        }
        return present;
    }

    /**
     * The numbers not {@code present}, each with its history row (none -> {@code state}), {@value #BATCH} at a time: one
     * {@code INSERT ... SELECT ... FROM UNNEST(?)} for the numbers and one for their history rows, each given the chunk
     * as one array, so H2 runs two statements per chunk instead of two per number (an array of VARCHAR without a
     * length: a cast to the column's length would cut a number too long for it, where the column refuses it).
     */
    private void insert(Connection c, String carrier, Collection<String> numbers, PresentNumbers present,
                        NumberState state, String actor) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO numbers (number, state, carrier, data, created_at, updated_at)"
                + " SELECT n, ?, ?, ?, ?, ? FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS t(n)");
             PreparedStatement history = c.prepareStatement("INSERT INTO number_history (number, at, actor, from_state, to_state,"
                     + " carrier) SELECT n, ?, ?, NULL, ?, ? FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS t(n)")) {
            bindAdded(insert, 1, state, carrier, now);
            bindHistory(history, 1, now, actor, state, carrier);
            String[] chunk = new String[BATCH];
            int used = 0;
            for (String number : numbers) {
                if (present.contains(number)) {
                    continue;
                }
                chunk[used++] = number;
                if (used == BATCH) {
                    insertChunk(insert, history, chunk);
                    used = 0;
                }
            }
            if (used > 0) {
                insertChunk(insert, history, java.util.Arrays.copyOf(chunk, used));
            }
        }
    }

    /** Binds, from parameter {@code first}, an added number's state, carrier, data (none) and times; the next parameter. */
    private static int bindAdded(PreparedStatement s, int first, NumberState state, String carrier, long now) throws SQLException {
        s.setString(first, state.name());
        s.setString(first + 1, carrier);
        s.setString(first + 2, CarrierDataCodec.encode(Map.of()));
        s.setLong(first + 3, now);
        s.setLong(first + 4, now);
        return first + 5;
    }

    /** Binds, from parameter {@code first}, the history row of an added number: when, by whom, to what, at which carrier. */
    private static void bindHistory(PreparedStatement s, int first, long now, String actor, NumberState state, String carrier)
            throws SQLException {
        s.setLong(first, now);
        s.setString(first + 1, actor);
        s.setString(first + 2, state.name());
        s.setString(first + 3, carrier);
    }

    private static void insertChunk(PreparedStatement insert, PreparedStatement history, String[] chunk) throws SQLException {
        insert.setObject(6, chunk);
        insert.executeUpdate();
        history.setObject(5, chunk);
        history.executeUpdate();
    }

    /**
     * PostgreSQL's {@link #add}, in one transaction: the numbers are streamed with {@code COPY} into a temporary staging
     * table (dropped at commit), the ones already stored are read by one join, and the rest are stored with their history
     * rows by one {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING} (a number another writer stored meanwhile is
     * skipped, not an error). A few round trips, whatever the import's size.
     */
    private PresentNumbers copy(Connection c, String carrier, Collection<String> numbers, NumberState state, String actor,
                                Map<String, NumberAttributes> attributes) throws SQLException {
        long now = clock.millis();
        c.setAutoCommit(false);
        try {
            allowTimeFor(c, numbers.size());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE import_stage (number VARCHAR(20) COLLATE \"C\") ON COMMIT DROP");
            }
            stage(c, numbers);
            PresentNumbers present = new PresentNumbers();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT n.number, n.state FROM import_stage i JOIN numbers n ON n.number = i.number")) {
                // Read through a cursor, a page at a time: the driver would otherwise hold every row of the answer at once.
                s.setFetchSize(BATCH);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        present.found(r.getString(1), NumberState.valueOf(r.getString(2)));
                    }
                }
            }
            if (present.size() < numbers.size()) {
                try (PreparedStatement s = c.prepareStatement("WITH added AS (INSERT INTO numbers (number, state, carrier, data,"
                        + " created_at, updated_at) SELECT number, ?, ?, ?, ?, ? FROM import_stage ON CONFLICT (number) DO NOTHING"
                        + " RETURNING number) INSERT INTO number_history (number, at, actor, from_state, to_state, carrier)"
                        + " SELECT number, ?, ?, NULL, ?, ? FROM added")) {
                    bindHistory(s, bindAdded(s, 1, state, carrier, now), now, actor, state, carrier);
                    s.executeUpdate();
                }
            }
            StockAttributes.describeAdded(c, carrier, attributes, present::contains);
            c.commit();
            if (numbers.size() - present.size() >= ANALYZE_AFTER) {
                refreshStatistics(c);
            }
            return present;
        } catch (SQLException | RuntimeException e) {
            DatabaseFailure.rollbackAfter(c, e);
            throw e;
        }
    }

    /** Streams {@code numbers} into the staging table, a line each, {@value #COPY_CHUNK} bytes at a time. */
    private static void stage(Connection c, Collection<String> numbers) throws SQLException {
        CopyIn copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY import_stage (number) FROM STDIN");
        try {
            byte[] chunk = new byte[COPY_CHUNK];
            int used = 0;
            for (String number : numbers) {
                byte[] line = (number + "\n").getBytes(StandardCharsets.UTF_8);
                if (used + line.length > chunk.length) {
                    copy.writeToCopy(chunk, 0, used);
                    used = 0;
                }
                System.arraycopy(line, 0, chunk, used, line.length);
                used += line.length;
            }
            copy.writeToCopy(chunk, 0, used);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Within this transaction only, gives each statement {@code store.statement_timeout_ms} per
     * {@value #NUMBERS_PER_TIMEOUT} numbers: the one {@code INSERT ... SELECT} of a large import grows with it, and
     * a loaded machine must not answer a whole import 503 for what is the import's size, not a stuck query.
     */
    private static void allowTimeFor(Connection c, int numbers) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('statement_timeout', (setting::bigint * ?)::text, true)"
                + " FROM pg_settings WHERE name = 'statement_timeout' AND setting <> '0'")) {
            s.setLong(1, Math.max(1, (numbers + NUMBERS_PER_TIMEOUT - 1) / NUMBERS_PER_TIMEOUT));
            s.executeQuery().close();
        }
    }

    /**
     * Refreshes PostgreSQL's planner statistics of the tables an import grew. Until autovacuum gets to it (a minute or
     * more), the planner takes a table that grew by a large import as small and scans it whole: the next import's reads
     * and the prefix scan then cost time proportional to the stock.
     */
    private static void refreshStatistics(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE numbers, number_history");
        }
    }
}
