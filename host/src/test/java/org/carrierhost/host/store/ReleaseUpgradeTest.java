package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Databases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.events.HistoryEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A data directory written by release 1.0.0 (the fixture {@code release-1.0.0-data.zip}, see the README
 * beside it) starts on this version with every number, history entry, event and carrier state intact;
 * so does a PostgreSQL database that release left.
 */
class ReleaseUpgradeTest {

    @TempDir
    Path root;
    private Path data;

    @BeforeEach
    void unpackTheReleaseDataDirectory() throws IOException {
        try (InputStream in = ReleaseUpgradeTest.class.getResourceAsStream("release-1.0.0-data.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(root), entry.getName());
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
        data = root.resolve("data");
    }

    @Test
    void everyNumberHistoryEntryEventAndCarrierStateOfTheReleaseIsThereAfterTheUpgrade() throws Exception {
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        TestPlugins.copyMock(plugins);
        TestPlugins.copyLocal(plugins);
        TestPlugins.copyBuilt(plugins, "bandwidth");

        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            ApiClient api = ApiClient.of(host);
            Map<String, String> states = new LinkedHashMap<>();
            for (String n : List.of("+14155550100", "+14155550101", "+14155550102", "+14155550103", "+14155550104",
                    "+442079460000", "+442079460001", "+14159000000")) {
                JsonNode record = api.get("/api/numbers/" + n).json();
                states.put(n, record.path("state").asText() + " " + record.path("carrier").asText() + " "
                        + record.path("account_id").asText() + " " + history(record));
            }
            assertEquals(Map.of(
                    "+14155550100", "in_service local acct-1 [none>available, available>in_service]",
                    "+14155550101", "reserved local acct-2 [none>available, available>reserved]",
                    "+14155550102", "available local null [none>available, available>in_service, in_service>available]",
                    "+14155550103", "available local null [none>available]",
                    "+14155550104", "available local null [none>available]",
                    "+442079460000", "available local null [none>available]",
                    "+442079460001", "available local null [none>available]",
                    "+14159000000", "in_service mock acct-3 [discovery>in_service]"), states);
            assertEquals("mock-order-1", api.get("/api/numbers/+14159000000").json().path("data").path("order_id").asText());

            Map<String, String> carriers = new LinkedHashMap<>();
            api.get("/api/carriers").json().forEach(c -> carriers.put(c.path("id").asText(),
                    c.path("state").asText() + " enabled=" + c.path("enabled").asBoolean()));
            assertEquals(Map.of("mock", "DISABLED enabled=false", "bandwidth", "DISABLED enabled=false",
                    "local", "STARTED enabled=true"), carriers);

            List<String> released = new ArrayList<>();
            host.events().recent(1000).forEach(e -> released.add(e.actor() + " " + e.action() + " " + e.target()));
            assertTrue(released.contains("startup load bandwidth 1.0.0 from carrier-bandwidth-1.0.0.zip"), released.toString());
            assertTrue(released.contains("api:admin import local: 7 added, 0 present, 0 invalid"), released.toString());
            assertTrue(released.contains("shutdown unload local 1.0.0"), released.toString());
        }
    }

    @Test
    void theReleaseDatabaseIsBaselinedAtVersion1SoItsSchemaScriptIsNotRunOnIt() throws Exception {
        try (Database database = Database.open(Database.embeddedUrl(data), "sa", "")) {
            assertEquals(List.of("1 BASELINE", "3 SQL", "4 SQL", "9 SQL", "10 SQL", "12 SQL", "14 SQL", "16 SQL", "17 SQL"), history(database));
            assertEquals(8, count(database, "numbers"));
            assertEquals(12, count(database, "number_history"));
            assertEquals(26, count(database, "events"));
            assertEquals(3, count(database, "carrier_states"));
        }
    }

    @Test
    void anEmptyDatabaseGetsEveryMigrationFromVersion1() throws Exception {
        try (Database database = Database.open(Database.embeddedUrl(root.resolve("new")), "sa", "")) {
            assertEquals(List.of("1 SQL", "3 SQL", "4 SQL", "9 SQL", "10 SQL", "12 SQL", "14 SQL", "16 SQL", "17 SQL"), history(database));
            assertEquals(0, count(database, "numbers"));
        }
    }

    @Test
    void openingAnUpgradedDatabaseAgainAppliesNothing() throws Exception {
        Database.open(Database.embeddedUrl(data), "sa", "").close();

        try (Database database = Database.open(Database.embeddedUrl(data), "sa", "")) {
            assertEquals(List.of("1 BASELINE", "3 SQL", "4 SQL", "9 SQL", "10 SQL", "12 SQL", "14 SQL", "16 SQL", "17 SQL"), history(database));
        }
    }

    @Test
    void aReleasePostgresDatabaseIsBaselinedAtVersion1AndGetsItsNumbersInByteOrder() throws Exception {
        TestDatabase pg = Databases.createPostgres();
        try {
            // What release 1.0.0 left in a PostgreSQL database: its schema (V1's tables), rows, no history.
            String releaseSchema;
            try (InputStream in = Database.class.getResourceAsStream("migration/common/V1__release_1_0_0_schema.sql")) {
                releaseSchema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                 Statement s = c.createStatement()) {
                for (String sql : releaseSchema.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("INSERT INTO numbers (number, state, carrier, created_at, updated_at)"
                        + " VALUES ('+14155550100', 'IN_SERVICE', 'local', 1, 1)");
                s.execute("INSERT INTO carrier_states VALUES ('mock', false, 1, 'api:admin')");
            }

            try (Database database = pg.open(); Connection c = database.dataSource().getConnection();
                 Statement s = c.createStatement();
                 ResultSet collation = s.executeQuery("SELECT collation_name FROM information_schema.columns"
                         + " WHERE table_name = 'numbers' AND column_name = 'number'")) {
                collation.next();
                assertEquals(List.of("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "9 SQL", "10 SQL", "12 SQL", "14 SQL", "17 SQL"), history(database));
                assertEquals("C", collation.getString(1));
                assertEquals(1, count(database, "numbers"));
                assertEquals(1, count(database, "carrier_states"));
            }
        } finally {
            Databases.drop(pg);
        }
    }

    /** "from>to" of each history entry of an API record, oldest first. */
    private static List<String> history(JsonNode record) {
        List<String> moves = new ArrayList<>();
        record.path("history").forEach(h -> moves.add((h.path("from").isNull() ? "none" : h.path("from").asText())
                + ">" + h.path("to").asText()));
        return moves;
    }

    /** "version type" of each migration in the history, in order (not the row that marks its creation). */
    static List<String> history(Database database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\", \"type\" FROM \"" + SchemaMigrations.HISTORY_TABLE
                     + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return rows;
    }

    static long count(Database database, String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
