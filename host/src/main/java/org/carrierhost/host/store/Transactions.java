package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One database transaction around some work: a connection of its own with auto-commit off, committed when the work
 * returns and rolled back when it throws (by {@link DatabaseFailure#rollbackAfter}, so a rollback that fails on a
 * broken connection never hides the first failure). The pool restores auto-commit when the connection goes back.
 *
 * <p>Thread-safe: stateless; each call has its own connection.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Work on one connection in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction of {@code dataSource}, and answers what it answered. */
    public static <T> T inOne(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                DatabaseFailure.rollbackAfter(c, e);
                throw e;
            }
        }
    }
}
