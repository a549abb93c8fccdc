package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The event log on real databases: an embedded H2 file and a PostgreSQL server (see {@link BothDatabases}). */
class JdbcEventLogTest {

    private Database database;
    private JdbcEventLog log;

    @BeforeEach
    void open(TestDatabase db) {
        database = db.open();
        log = new JdbcEventLog(database.dataSource(), "node-1");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @BothDatabases
    void recentAnswersTheNewestFirstUpToTheLimitWithEveryFieldAndTheNodeThatWroteIt() throws SQLException {
        Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
        log.append(List.of(new Event(at, "api:admin", "acquire", "+14155550100 via mock", Event.OK, null),
                new Event(at.plusMillis(1), "watcher", "load", "mock 1.0.0", Event.FAILED, "broken zip")));
        log.append(List.of(new Event(at.plusMillis(2), "startup", "start", "local 1.0.0", Event.OK, null)));

        List<Event> recent = log.recent(2);

        assertEquals(List.of(new Event(at.plusMillis(2), "startup", "start", "local 1.0.0", Event.OK, null, null, "node-1"),
                new Event(at.plusMillis(1), "watcher", "load", "mock 1.0.0", Event.FAILED, "broken zip", null, "node-1")), recent);
    }

    @BothDatabases
    void aLongTargetAndErrorAreClippedToTheirColumns() throws SQLException {
        log.append(List.of(Event.failed("api:admin", "install", "t".repeat(1000), "e".repeat(10_000))));

        Event stored = log.recent(1).get(0);

        assertEquals(256, stored.target().length());
        assertEquals(4000, stored.error().length());
    }

    @BothDatabases
    void aBatchTheDatabaseRefusesLeavesNothingOfIt() {
        Event tooLongAction = Event.ok("api:admin", "a".repeat(200), "mock");

        assertThrows(SQLException.class, () -> log.append(List.of(Event.ok("api:admin", "enable", "mock"), tooLongAction)));

        assertEquals(List.of(), log.recent(10));
    }
}
