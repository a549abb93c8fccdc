package org.carrierhost.host.store;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the pool which failures mean a connection is dead, beyond the standard {@code 08xxx} states: H2
 * answers a session whose server went away with its own codes, and a pool that kept such a connection
 * would fail every later call even once the database is back.
 *
 * <p>Thread-safe: stateless.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    /** H2: database closed (90121), connection broken (90067), I/O failure (90028). */
    private static final Set<Integer> H2_DEAD = Set.of(90121, 90067, 90028);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return isH2Dead(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }

    /** Whether {@code e} is H2's word for a session whose database went away. */
    static boolean isH2Dead(SQLException e) {
        return H2_DEAD.contains(e.getErrorCode());
    }
}
