package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.store.Database;

/**
 * The local carrier's search by locality or region is served by the V12 indexes, on H2 and on PostgreSQL: the plan
 * seeks on (carrier, state, locality) or (carrier, state, region) and reads in number order, with no scan of the table.
 */
class StockAttributeIndexTest {

    private static final int ROWS = 20_000;
    private static final List<String> PLACES = List.of("SAN FRANCISCO", "CHICAGO", "NEWARK", "NEW YORK", "AUSTIN", "DENVER",
            "BOSTON", "SEATTLE", "MIAMI", "PORTLAND");

    private static List<String> plan(TestDatabase db, SearchFilters filters) throws Exception {
        try (Database database = db.open()) {
            fill(database);
            StockAttributes.Query query = StockAttributes.search("number, state, carrier, account_id, data", "local", "+1", "+1:",
                    new SearchOptions(0, "US", "+1", null, null, 0, false, filters), 50);
            List<String> plan = new ArrayList<>();
            try (Connection c = database.dataSource().getConnection()) {
                if (db.isPostgres()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE numbers");
                    }
                }
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + query.sql())) {
                    query.bind(explain);
                    try (ResultSet r = explain.executeQuery()) {
                        while (r.next()) {
                            plan.add(r.getString(1));
                        }
                    }
                }
            }
            return plan;
        }
    }

    /** Written directly rather than through an import, to keep the test quick: a stock spread over ten cities. */
    private static void fill(Database database) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO numbers (number, state, carrier, data, created_at, updated_at,"
                     + " locality, region, features) VALUES (?, 'AVAILABLE', 'local', '{}', 0, 0, ?, ?, '|sms|voice|')")) {
            for (int i = 0; i < ROWS; i++) {
                s.setString(1, String.format("+1%03d%07d", 200 + i % 700, i));
                s.setString(2, PLACES.get(i % PLACES.size()));
                s.setString(3, "S" + (i % 50));
                s.addBatch();
                if (i % 5_000 == 4_999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static SearchFilters locality(String locality, String region) {
        return new SearchFilters(null, null, null, null, locality, region, null, null, null, Set.of(), true);
    }

    @BothDatabases
    void aSearchByLocalityReadsTheLocalityIndex(TestDatabase db) throws Exception {
        String text = String.join("\n", plan(db, locality("Chicago", null)));

        assertTrue(text.toUpperCase(Locale.ROOT).contains("NUMBERS_BY_LOCALITY"), text);
        assertFalse(text.contains("Seq Scan"), text);
        assertFalse(text.contains("tableScan"), text);
    }

    @BothDatabases
    void aSearchByRegionReadsTheRegionIndex(TestDatabase db) throws Exception {
        String text = String.join("\n", plan(db, locality(null, "S7")));

        assertTrue(text.toUpperCase(Locale.ROOT).contains("NUMBERS_BY_REGION"), text);
        assertFalse(text.contains("Seq Scan"), text);
        assertFalse(text.contains("tableScan"), text);
    }
}
