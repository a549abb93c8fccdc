package org.carrierhost.host.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.store.Dialect;

/**
 * After the host ended without closing, makes each recently changed number's history end at its state again, on the
 * embedded store (H2).
 *
 * <p>H2's MVStore writes its tables' trees to the file one after another while other sessions commit, so the last
 * write before a SIGKILL can hold one table of a transaction that was committing at that moment and not the other:
 * the number's new state without its history row, or the row without the state (H2 reads a change whose transaction
 * left no undo log as never made). Such a change was never acknowledged: {@link org.carrierhost.host.store.GroupCommit}
 * answers only after a flush that began once the commit had ended, and that flush holds all of it. Yet the number's
 * state and its history would disagree. So, after an unclean end, every number changed in the last
 * {@value #WINDOW_MS} ms before it, or named by one of the newest {@value #NEWEST_HISTORY_ROWS} history rows, whose
 * state is not where its history ends gains a history row from there to its state, whose actor ({@link #ACTOR}) says
 * why: the number is as stored, and the gap is visible. PostgreSQL writes a commit whole: nothing to do there.
 *
 * <p>Thread-safe: stateless apart from the data source and the clock; meant to run once, at start, before requests.
 */
public final class TornChangeRepair {

    /** The actor of the history row a repair adds. */
    public static final String ACTOR = "recovery: the embedded store kept part of a change cut off by the host's end;"
            + " the number is as stored";
    /** How long before the newest change a change may have been cut off (commits in flight at the end). */
    static final long WINDOW_MS = 60_000;
    /** How many of the newest history rows are looked at, for rows whose state change was not kept. */
    static final int NEWEST_HISTORY_ROWS = 50_000;
    /** Each number the condition appended picks, with its state, carrier and where its history ends. */
    private static final String WITH_HISTORY_END = "SELECT n.number, n.state, n.carrier, (SELECT h.to_state FROM number_history h"
            + " WHERE h.number = n.number ORDER BY h.id DESC LIMIT 1) FROM numbers n WHERE ";

    private final DataSource dataSource;
    private final Clock clock;

    public TornChangeRepair(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Adds a history row to each recently changed number whose history does not end at its state.
     *
     * @return the numbers repaired
     */
    public List<String> repair() {
        try (Connection c = dataSource.getConnection()) {
            if (Dialect.isPostgres(c)) {
                return List.of();
            }
            Map<String, Disagreement> found = new LinkedHashMap<>();
            collect(c, WITH_HISTORY_END + "n.updated_at >= (SELECT MAX(updated_at) FROM numbers) - ?", WINDOW_MS, found);
            collect(c, WITH_HISTORY_END + "n.number IN (SELECT number FROM number_history WHERE id > (SELECT MAX(id)"
                    + " FROM number_history) - ?)", NEWEST_HISTORY_ROWS, found);
            List<String> repaired = new ArrayList<>();
            for (Disagreement d : found.values()) {
                JdbcNumberRegistry.insertHistory(c, d.number(), clock.millis(), ACTOR, d.historyEnd(), d.state(), d.carrier());
                repaired.add(d.number());
            }
            return repaired;
        } catch (SQLException e) {
            throw DatabaseFailure.of("repair numbers whose change the host's end cut off", e);
        }
    }

    private static void collect(Connection c, String sql, long bound, Map<String, Disagreement> found) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, bound);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String state = rows.getString(2);
                    String historyEnd = rows.getString(4);
                    if (historyEnd != null && !historyEnd.equals(state)) {
                        found.putIfAbsent(rows.getString(1), new Disagreement(rows.getString(1), NumberState.valueOf(historyEnd),
                                NumberState.valueOf(state), rows.getString(3)));
                    }
                }
            }
        }
    }

    /** A number whose history ends at {@code historyEnd} while its state is {@code state}. */
    private record Disagreement(String number, NumberState historyEnd, NumberState state, String carrier) {
    }
}
