package org.carrierhost.host.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.carrierhost.host.store.Dialect;

/**
 * A small JDBC helper of the cluster's tables: whether the database is PostgreSQL (its transactions are
 * {@link org.carrierhost.host.store.Transactions}').
 *
 * <p>Thread-safe: stateless.
 */
final class Sql {

    private Sql() {
    }

    /** Whether {@code dataSource} is a PostgreSQL database (which has {@code LISTEN/NOTIFY}). */
    static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.isPostgres(c);
        }
    }
}
