package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.manager.SearchRequest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches of remote carriers are kept in memory, on either database: neither a number nor a history
 * entry is written for them (on H2, {@link SearchesWriteNothingTest} also checks the file's size).
 */
class SearchesWriteNoRowTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @BothDatabases
    void searchesOfARemoteCarrierStoreNoNumberAndNoHistory(TestDatabase db) throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, db.settings())) {
            for (int i = 0; i < 200; i++) {
                assertEquals(10, host.manager().find(SearchRequest.of("41" + (i % 10), 10)).numbers().size());
            }
            host.events().recent(1);

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT (SELECT COUNT(*) FROM numbers) + (SELECT COUNT(*) FROM number_history)")) {
                rows.next();
                assertEquals(0, rows.getLong(1));
            }
        }
    }
}
