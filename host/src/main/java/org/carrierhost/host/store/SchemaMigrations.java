package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the host's schema to the newest version with Flyway: the versioned scripts under
 * {@code org/carrierhost/host/store/migration/common}, run on every database, plus those under the
 * database's own folder ({@code migration/postgresql}, {@code migration/h2}) where its SQL must differ.
 *
 * <p>A database written by release 1.0.0 (the last before migrations) has the tables of V1 but no
 * history table; it is baselined at version 1, so V1 is not run on it and every later version is. A
 * database without those tables starts from V1. Anything else that is in the schema and not ours makes
 * Flyway refuse, rather than guess.
 *
 * <p>Thread-safe: stateless. Hosts that start at once on one database are serialised by Flyway's lock in
 * that database; the later ones find the migrations applied.
 */
final class SchemaMigrations {

    /** The history table, named for the host so a platform that embeds it can keep its own Flyway history. */
    static final String HISTORY_TABLE = "carrier_host_schema_history";
    /** The version that stands for the schema of release 1.0.0. */
    static final String RELEASE_1_0_0 = "1";
    private static final String LOCATIONS = "classpath:org/carrierhost/host/store/migration/";

    private SchemaMigrations() {
    }

    /**
     * Applies every migration {@code dataSource} lacks, using {@code jdbcUrl}'s own connections (so a pool
     * of one connection does not starve Flyway, which may want two).
     */
    static MigrateResult apply(DataSource dataSource, String jdbcUrl, String user, String password) throws SQLException {
        boolean releaseBeforeMigrations;
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = Dialect.isPostgres(c);
            releaseBeforeMigrations = hasTable(c, "numbers") && !hasTable(c, HISTORY_TABLE);
        }
        List<String> locations = new ArrayList<>(List.of(LOCATIONS + "common"));
        locations.add(LOCATIONS + (postgres ? "postgresql" : "h2"));
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .table(HISTORY_TABLE)
                .locations(locations.toArray(String[]::new))
                .baselineOnMigrate(releaseBeforeMigrations)
                .baselineVersion(RELEASE_1_0_0)
                .baselineDescription("release 1.0.0, before versioned migrations")
                .load()
                .migrate();
    }

    /** Whether the connection's current schema has a table of that name, in whatever case the database keeps it. */
    private static boolean hasTable(Connection c, String name) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet tables = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
