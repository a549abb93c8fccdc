package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which of the two databases the host supports a connection is to, for the few places where their SQL or
 * features differ (PostgreSQL's own migrations, {@code ANALYZE}, {@code LISTEN/NOTIFY}).
 *
 * <p>Thread-safe: stateless.
 */
public final class Dialect {

    private Dialect() {
    }

    /** Whether {@code c} is a connection to PostgreSQL (otherwise it is H2). */
    public static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
    }
}
