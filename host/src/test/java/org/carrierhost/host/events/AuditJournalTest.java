package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.carrierhost.host.Await;
import org.carrierhost.host.H2TcpServer;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit entries raised while the database is away are written once it is back, by the same log or, after a
 * crash, by the next one from the journal: an outage delays them, never drops them. The journal hands back
 * exactly what the database has not confirmed, whatever the interleaving of appends and confirmations.
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

    @Test
    void aReopenedJournalHandsBackTheEntriesPastWhatTheDatabaseConfirmedAndNoOthers() {
        List<Long> ends = new ArrayList<>();
        try (AuditJournal open = AuditJournal.open(journal)) {
            for (int i = 0; i < 10; i++) {
                open.append(Event.ok("api:test", "acquire", "c" + i), ends::add, true);
            }
            open.confirmed(ends.get(3));
        }
        try (AuditJournal reopened = AuditJournal.open(journal)) {
            assertEquals(List.of("c4", "c5", "c6", "c7", "c8", "c9"),
                    reopened.unconfirmed().stream().map(j -> j.entry().target()).toList());
        }
    }

    @Test
    void batchesConfirmedWhileManyThreadsAppendNeverCoverAnEntryNotYetTaken() throws Exception {
        int threads = 8;
        int each = 400;
        LinkedBlockingQueue<AuditJournal.Journalled> queue = new LinkedBlockingQueue<>();
        Set<String> taken = ConcurrentHashMap.newKeySet();
        try (AuditJournal open = AuditJournal.open(journal)) {
            // The writer confirms batches from the head of the queue, then stops in the middle of the appends, as a
            // crash would: whatever it did not take must still be in the journal.
            Thread writer = new Thread(() -> {
                List<AuditJournal.Journalled> batch = new ArrayList<>();
                for (int confirmations = 0; confirmations < 300; ) {
                    queue.drainTo(batch, 3);
                    if (!batch.isEmpty()) {
                        batch.forEach(j -> taken.add(j.entry().target()));
                        open.confirmed(batch.stream().mapToLong(AuditJournal.Journalled::end).max().orElseThrow());
                        batch.clear();
                        confirmations++;
                    }
                }
            });
            ExecutorService appenders = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Event entry = Event.ok("api:test", "acquire", "t" + thread + "-" + i);
                        open.append(entry, end -> queue.add(new AuditJournal.Journalled(entry, end)), thread % 2 == 0);
                    }
                });
            }
            writer.start();
            appenders.shutdown();
            assertTrue(appenders.awaitTermination(30, TimeUnit.SECONDS));
            writer.join();
        }
        try (AuditJournal reopened = AuditJournal.open(journal)) {
            Set<String> handedBack = reopened.unconfirmed().stream().map(j -> j.entry().target()).collect(Collectors.toSet());
            Set<String> lost = new TreeSet<>();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < each; i++) {
                    String target = "t" + t + "-" + i;
                    if (!taken.contains(target) && !handedBack.contains(target)) {
                        lost.add(target);
                    }
                }
            }
            assertEquals(Set.of(), lost, "entries neither taken by the writer nor handed back by the journal");
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
