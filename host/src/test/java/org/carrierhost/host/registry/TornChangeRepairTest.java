package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.events.HistoryEntry;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an unclean end, the embedded store may have kept one table of a change that was committing: the repair makes
 * each such number's history end at its state again, and leaves every other number alone. The tear is made here by
 * hand, as H2 leaves it.
 */
class TornChangeRepairTest {

    private static final String NUMBER = "+15055550100";
    private static final String OTHER = "+15055550101";

    @TempDir
    Path folder;
    private Database database;
    private JdbcNumberRegistry registry;

    @BeforeEach
    void open() {
        database = Database.open(Database.embeddedUrl(folder), "sa", "");
        registry = new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMinutes(10), "self");
        registry.addAvailable("local", List.of(NUMBER, OTHER), "import");
        registry.moveAtOnce(new NumberRecord(NUMBER, NumberState.IN_SERVICE, "local", "acct", Map.of()),
                EnumSet.of(NumberState.AVAILABLE), "acquire");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aHistoryRowKeptWithoutItsStateIsFollowedByARowToTheStoredState() throws Exception {
        sql("UPDATE numbers SET state = 'AVAILABLE' WHERE number = ?", NUMBER);

        assertEquals(List.of(NUMBER), repair());

        HistoryEntry last = last(NUMBER);
        assertEquals(TornChangeRepair.ACTOR, last.actor());
        assertEquals(NumberState.IN_SERVICE, last.from());
        assertEquals(NumberState.AVAILABLE, last.to());
    }

    @Test
    void aStateKeptWithoutItsHistoryRowGainsARowFromWhereTheHistoryEnded() throws Exception {
        sql("DELETE FROM number_history WHERE number = ? AND to_state = 'IN_SERVICE'", NUMBER);

        assertEquals(List.of(NUMBER), repair());

        HistoryEntry last = last(NUMBER);
        assertEquals(TornChangeRepair.ACTOR, last.actor());
        assertEquals(NumberState.AVAILABLE, last.from());
        assertEquals(NumberState.IN_SERVICE, last.to());
    }

    @Test
    void numbersWhoseHistoryEndsAtTheirStateAreLeftAlone() {
        int before = registry.history(NUMBER).size() + registry.history(OTHER).size();

        assertEquals(List.of(), repair());

        assertEquals(before, registry.history(NUMBER).size() + registry.history(OTHER).size());
    }

    private List<String> repair() {
        return new TornChangeRepair(database.dataSource(), Clock.systemUTC()).repair();
    }

    private HistoryEntry last(String number) {
        List<HistoryEntry> history = registry.history(number);
        return history.get(history.size() - 1);
    }

    private void sql(String statement, String number) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, number);
            s.executeUpdate();
        }
    }
}
