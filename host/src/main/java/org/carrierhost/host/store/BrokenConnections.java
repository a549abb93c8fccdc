package org.carrierhost.host.store;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the pool which failures mean a connection is dead, beyond the standard {@code 08xxx} states: H2
 * answers a session whose server went away with its own codes, and a pool that kept such a connection
 * would fail every later call even once the database is back. The same goes for an embedded H2 whose store
 * could not write (a full disk): it closes itself, and a new connection reopens it once there is room.
 *
 * <p>Thread-safe: stateless.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    /**
     * H2: database closed (90121, and 90098 after its store failed), connection broken (90067), I/O failure
     * (90028).
     */
    private static final Set<Integer> H2_DEAD = Set.of(90121, 90098, 90067, 90028);
    /** H2's general error, which is how it first reports that its store could not write (a full disk, say). */
    private static final int H2_GENERAL = 50000;

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return isH2Dead(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }

    /** Whether {@code e} is H2's word for a session whose database went away. */
    static boolean isH2Dead(SQLException e) {
        return H2_DEAD.contains(e.getErrorCode()) || e.getErrorCode() == H2_GENERAL && isStoreFailure(e);
    }

    /**
     * Whether {@code e} says H2's store failed to write: the database closes itself then, and only a new
     * connection opens it again, which works once the disk has room.
     */
    static boolean isStoreFailure(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("MVStoreException") || message.contains("No space left on device");
    }
}
