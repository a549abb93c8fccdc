package org.carrierhost.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The failures the simulator can be switched to answer with.
 *
 * <p>Thread-safe: an enum of constants.
 */
public enum Failure {
    /** New orders end FAILED with error 5018 (quantity unavailable). */
    ORDER_FAILED,
    /** New orders end PARTIAL with the ordered numbers among the failed ones. */
    ORDER_PARTIAL,
    /** New orders stay RECEIVED forever. */
    ORDER_PENDING,
    /** New disconnects end FAILED with error 5006 (not associated with your account). */
    DISCONNECT_FAILED,
    /** Searches answer 400 with error 4010. */
    SEARCH_INVALID,
    /** Every API request answers 503. */
    SERVER_ERROR,
    /** Searches answer a body with a DOCTYPE and an external entity. */
    XXE_REPLY;

    /** The name used on the admin path, for example {@code order_failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Failure> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
