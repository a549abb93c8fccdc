package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * Turns a failed database call into what the caller is answered. A database that cannot be reached
 * (no connection within the pool's timeout, a connection that broke, a server shutting down) is
 * {@code 503 carrier_unavailable} naming the database: the host is fine and the change may be tried
 * again once the database is back. Any other failure is a fault of the host, answered as internal.
 *
 * <p>Thread-safe: stateless.
 */
public final class DatabaseFailure {

    /** PostgreSQL: admin shutdown, crash shutdown, cannot connect now, database not accepting connections. */
    private static final Set<String> POSTGRES_GONE = Set.of("57P01", "57P02", "57P03", "55000");
    /** A statement cancelled for taking too long; PostgreSQL's lock not available; H2's lock timeout. */
    private static final Set<String> SLOW = Set.of("57014", "55P03", "HYT00");

    private DatabaseFailure() {
    }

    /**
     * The exception to throw for {@code e}, raised while the host tried to {@code what} (for example
     * "store +14155550100").
     */
    public static RuntimeException of(String what, SQLException e) {
        if (isDiskFull(e)) {
            return StandardException.of(ErrorCode.CARRIER_UNAVAILABLE, "the database's disk is full or failing: cannot " + what
                    + "; free space on the registry's disk (the data directory for the embedded database)", e.getMessage());
        }
        if (isSlow(e)) {
            return StandardException.of(ErrorCode.CARRIER_UNAVAILABLE, "the database is slow: cannot " + what
                    + " within store.statement_timeout_ms", e.getMessage());
        }
        if (isUnreachable(e)) {
            return StandardException.of(ErrorCode.CARRIER_UNAVAILABLE, "the database is unavailable: cannot " + what,
                    e.getMessage());
        }
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }

    /**
     * Rolls back {@code c} after {@code failure}, keeping {@code failure} as what the caller sees: on a
     * connection that broke, the rollback fails too, and its error must not hide the first one.
     */
    public static void rollbackAfter(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /** Whether {@code e} (or what caused it) says the database could not write to its disk: no space left. */
    public static boolean isDiskFull(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && BrokenConnections.isStoreFailure(sql)) {
                return true;
            }
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true; // PostgreSQL: disk_full
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("could not extend file")
                    || message.contains("disk full")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e} says the database is there but too slow: a statement cancelled by {@code
     * store.statement_timeout_ms} or a lock timeout (SQL state 57014, PostgreSQL's 55P03, H2's HYT00), or no
     * pooled connection free within the pool's wait while the database itself was reached (every connection busy).
     */
    public static boolean isSlow(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && SLOW.contains(String.valueOf(sql.getSQLState()))) {
                return true;
            }
        }
        return e instanceof SQLTransientConnectionException && e.getCause() == null
                && String.valueOf(e.getMessage()).contains("active=");
    }

    /** Whether {@code e} (or what caused it) says the database cannot be reached, rather than refused a statement. */
    public static boolean isUnreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isDiskFull(sql)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || POSTGRES_GONE.contains(state))) {
                    return true;
                }
                if (BrokenConnections.isH2Dead(sql)) {
                    return true;
                }
            }
        }
        return false;
    }
}
