package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Carrier states on real databases: an embedded H2 file and a PostgreSQL server (see {@link BothDatabases}). */
class JdbcCarrierStateStoreTest {

    private TestDatabase db;
    private Database database;
    private JdbcCarrierStateStore store;

    @BeforeEach
    void open(TestDatabase db) {
        this.db = db;
        database = db.open();
        store = new JdbcCarrierStateStore(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @BothDatabases
    void aCarrierNeverSetIsEnabled() {
        assertTrue(store.isEnabled("mock"));
        assertEquals(Map.of(), store.all());
    }

    @BothDatabases
    void theLastFlagSetIsTheOneKeptAndItSurvivesReopening() {
        store.setEnabled("mock", false, "api:admin");
        store.setEnabled("mock", true, "api:admin");
        store.setEnabled("mock", false, "api:ops");
        store.setEnabled("local", true, "api:ops");
        database.close();

        database = db.open();
        store = new JdbcCarrierStateStore(database.dataSource());

        assertFalse(store.isEnabled("mock"));
        assertEquals(Map.of("mock", false, "local", true), store.all());
    }

    @BothDatabases
    void concurrentFirstWritesOfOneCarrierAllSucceedLeavingOneRow() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            done.add(pool.submit(() -> {
                go.await();
                store.setEnabled("mock", false, "api:admin");
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertEquals(Map.of("mock", false), store.all());
    }
}
