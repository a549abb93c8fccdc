package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import org.carrierhost.host.Databases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, a local carrier's stock search is one prepared statement that the database plans once per
 * connection, not once per search (a LIMIT given as a parameter would have it plan every execution again).
 */
class StockSearchPlanTest {

    private TestDatabase db;
    private Database database;

    @BeforeEach
    void fill() throws Exception {
        db = Databases.createPostgres();
        database = Database.open(db.jdbcUrl(), db.user(), db.password(), 1);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO numbers (number, state, carrier, data, created_at, updated_at)"
                    + " SELECT '+1' || (200 + i % 100) || lpad(i::text, 7, '0'), 'AVAILABLE', 'local', '{}', 0, 0"
                    + " FROM generate_series(0, 19999) AS i");
            s.execute("ANALYZE numbers");
        }
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
        if (db != null) {
            Databases.drop(db);
        }
    }

    @Test
    void searchesOfOnePageSizeArePlannedOncePerConnection() throws Exception {
        JdbcNumberRegistry registry = new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMinutes(1));
        int searches = 40;
        for (int i = 0; i < searches; i++) {
            assertEquals(10, registry.findAvailable("local", "+1" + (200 + i % 100), 0, 10).size());
        }
        // The pool's one connection: the statements its driver prepared, and how each was planned.
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                     + " WHERE statement LIKE '%FROM numbers WHERE carrier = $1 AND state = $2 AND number >= $3%'")) {
            assertTrue(r.next(), "the search is a prepared statement of the connection");
            long custom = r.getLong(2);
            assertTrue(custom <= 5, custom + " of " + searches + " searches planned afresh");
            assertTrue(r.getLong(1) >= searches - 10, r.getLong(1) + " of " + searches + " searches on the one plan");
        }
    }
}
