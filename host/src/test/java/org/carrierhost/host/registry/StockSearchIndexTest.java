package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * in index order, in a database whose collation is linguistic (ICU en-US, see {@link Databases}).
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
}
