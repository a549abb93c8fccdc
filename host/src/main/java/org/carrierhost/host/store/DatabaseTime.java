package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The database's clock, for times several hosts must agree on (when a hold expires, until when a lease runs):
 * one clock for all the hosts sharing the database, whatever their own clocks say.
 *
 * <p>Thread-safe: stateless.
 */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /** The database's {@code CURRENT_TIMESTAMP}, in epoch milliseconds, read on {@code c}. */
    public static long nowMillis(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli();
        }
    }
}
