package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.Databases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, the local carrier's prefix scan is served by the index on (carrier, state, number),
 * in index order, in a database whose collation is linguistic (ICU en-US, see {@link Databases}), from one prepared
 * statement that the database plans once per connection, not once per search.
 */
class StockSearchIndexTest {

    private static final int ROWS = 20_000;

    private TestDatabase db;
    private Database database;

    @BeforeEach
    void fill() throws Exception {
        db = Databases.createPostgres();
        database = db.open();
        // Written directly rather than through an import, to keep the test quick: two carriers' stock.
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String carrier : List.of("local", "other")) {
                String country = carrier.equals("local") ? "+1" : "+44";
                s.execute("INSERT INTO numbers (number, state, carrier, data, created_at, updated_at)"
                        + " SELECT '" + country + "' || (200 + i % 700) || lpad(i::text, 7, '0'), 'AVAILABLE', '" + carrier + "', '{}', 0, 0"
                        + " FROM generate_series(0, " + (ROWS - 1) + ") AS i");
            }
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
    void thePrefixScanReadsTheCarrierStateNumberIndexInOrderWithoutASort() throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE numbers");
                s.execute("SET enable_seqscan = off");
            }
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + JdbcNumberRegistry.STOCK_SEARCH + StockAttributes.page(0, 50))) {
                explain.setString(1, "local");
                explain.setString(2, NumberState.AVAILABLE.name());
                explain.setString(3, "+1415");
                explain.setString(4, "+1415:");
                try (ResultSet r = explain.executeQuery()) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
            }
        }
        String text = String.join("\n", plan);
        assertTrue(text.contains("Index Scan using numbers_by_carrier_state on numbers"), text);
        assertFalse(text.contains("Seq Scan"), text);
        assertFalse(text.contains("Sort"), "no sort of the prefix range: " + text);
    }

    @Test
    void searchesOfOnePageSizeArePlannedOncePerConnection() throws Exception {
        try (Database one = Database.open(db.jdbcUrl(), db.user(), db.password(), 1)) {
            JdbcNumberRegistry registry = new JdbcNumberRegistry(one.dataSource(), Clock.systemUTC(), Duration.ofMinutes(1));
            int searches = 40;
            for (int i = 0; i < searches; i++) {
                assertEquals(10, registry.findAvailable("local", "+1" + (200 + i % 100), 0, 10).size());
            }
            // The pool's one connection: the statements its driver prepared, and how each was planned.
            try (Connection c = one.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                         + " WHERE statement LIKE '%FROM numbers WHERE carrier = $1 AND state = $2 AND number >= $3%'")) {
                assertTrue(r.next(), "the search is a prepared statement of the connection");
                long custom = r.getLong(2);
                assertTrue(custom <= 5, custom + " of " + searches + " searches planned afresh");
                assertTrue(r.getLong(1) >= searches - 10, r.getLong(1) + " of " + searches + " searches on the one plan");
            }
        }
    }
}
