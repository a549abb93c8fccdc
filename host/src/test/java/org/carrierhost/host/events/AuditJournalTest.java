package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.carrierhost.host.Await;
import org.carrierhost.host.H2TcpServer;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit entries raised while the database is away are written once it is back, by the same log or, after a
 * crash, by the next one from the journal: an outage delays them, never drops them.
 */
class AuditJournalTest {

    private static final int ENTRIES = 50;

    @TempDir
    Path h2Files;
    @TempDir
    Path journal;

    @Test
    void entriesRaisedDuringAnOutageAreWrittenOnceTheDatabaseIsBack() throws Exception {
        try (H2TcpServer h2 = H2TcpServer.start(h2Files);
             Database database = Database.open(h2.url(), "sa", "");
             AuditLog audit = new AuditLog(new JdbcEventLog(database.dataSource(), "n1"), journal)) {
            h2.stop();
            raise(audit, "a");
            Thread.sleep(1500);
            h2.restart();

            Await.until(Duration.ofSeconds(20), () -> targets(audit, "a").size() == ENTRIES,
                    () -> "written after the outage: " + targets(audit, "a").size() + " of " + ENTRIES);
        }
    }

    @Test
    void entriesALogCouldNotWriteBeforeItsHostDiedAreWrittenByTheNextFromTheJournal() throws Exception {
        try (H2TcpServer lost = H2TcpServer.start(h2Files.resolve("lost"));
             Database gone = Database.open(lost.url(), "sa", "");
             H2TcpServer fresh = H2TcpServer.start(h2Files.resolve("fresh"));
             Database next = Database.open(fresh.url(), "sa", "")) {
            lost.stop();
            AuditLog dying = new AuditLog(new JdbcEventLog(gone.dataSource(), "n1"), journal);
            raise(dying, "b");
            // The host dies here: dying is never closed and its database never comes back, so only the
            // journal can bring the entries to the next log's database.
            try (AuditLog after = new AuditLog(new JdbcEventLog(next.dataSource(), "n1"), journal)) {
                Await.until(Duration.ofSeconds(20), () -> targets(after, "b").size() == ENTRIES,
                        () -> "written by the next log: " + targets(after, "b").size() + " of " + ENTRIES);
                assertEquals(ENTRIES, after.recent(1000).size());
            }
        }
    }

    private static void raise(AuditLog audit, String prefix) {
        for (int i = 0; i < ENTRIES; i++) {
            audit.onEvent(NumberEvent.ok("api:test", NumberAction.ACQUIRE, prefix + "+1415555" + String.format("%04d", i), "mock",
                    "in_service"));
        }
    }

    private static TreeSet<String> targets(AuditLog audit, String prefix) {
        try {
            return audit.recent(1000).stream().map(Event::target).filter(t -> t.startsWith(prefix))
                    .map(t -> t.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
        } catch (RuntimeException e) {
            return new TreeSet<>();
        }
    }
}
