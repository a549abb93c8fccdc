package org.carrierhost.host.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.carrierhost.host.store.Dialect;

/**
 * Small JDBC helpers of the cluster's tables: one transaction, and whether the database is PostgreSQL.
 *
 * <p>Thread-safe: stateless.
 */
final class Sql {

    private Sql() {
    }

    /** Work on one connection in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Whether {@code dataSource} is a PostgreSQL database (which has {@code LISTEN/NOTIFY}). */
    static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.isPostgres(c);
        }
    }
}
