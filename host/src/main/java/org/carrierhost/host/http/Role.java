package org.carrierhost.host.http;

/**
 * What a token may do.
 *
 * <p>Thread-safe: an enum.
 */
public enum Role {
    /** May read. */
    VIEWER,
    /** May also change carriers and numbers. */
    OPERATOR,
    /** The admin token: may do everything. */
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }
}
