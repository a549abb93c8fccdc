package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.TestDatabase;

/** Group commit on real databases: H2's commits are flushed to disk in shared flushes; PostgreSQL's need none. */
class GroupCommitTest {

    private static final int WRITERS = 16;
    private static final int COMMITS_EACH = 25;

    @BothDatabases
    void concurrentCommitsAreFlushedOnH2InFewerFlushesThanCommitsAndNotAtAllOnPostgres(TestDatabase db) throws Exception {
        GroupCommit group = new GroupCommit();
        try (Database database = db.open()) {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE group_commit_probe (id INT PRIMARY KEY)");
            }
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    go.await();
                    for (int i = 0; i < COMMITS_EACH; i++) {
                        try (Connection c = database.dataSource().getConnection();
                             PreparedStatement insert = c.prepareStatement("INSERT INTO group_commit_probe VALUES (?)")) {
                            c.setAutoCommit(false);
                            insert.setInt(1, writer * COMMITS_EACH + i);
                            insert.executeUpdate();
                            c.commit();
                        }
                        group.awaitDurable(database.dataSource());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
        }
        if (db.isPostgres()) {
            assertEquals(0, group.flushes(), "PostgreSQL's commit is durable by itself");
        } else {
            assertEquals(WRITERS * COMMITS_EACH, group.commits());
            assertTrue(group.flushes() > 0 && group.flushes() < group.commits(),
                    group.flushes() + " flushes for " + group.commits() + " commits");
        }
    }
}
