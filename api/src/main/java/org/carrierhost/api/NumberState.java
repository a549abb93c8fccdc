package org.carrierhost.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a number stands in its life, as in KAZOO's number states.
 *
 * <p>Thread-safe: an enum of constants.
 */
public enum NumberState {
    /** Offered by a carrier's search; not held by anyone. */
    DISCOVERY,
    /** In this system's own stock, free to take. */
    AVAILABLE,
    /** Held for an account but not yet in use. */
    RESERVED,
    /** Held and in use by an account. */
    IN_SERVICE,
    /** Given back to its carrier. */
    RELEASED,
    /**
     * Disconnected from its account but not yet free (KAZOO's {@code aging}): it waits, still known to the host,
     * so calls meant for the old owner do not reach a new one; then it becomes available again (local stock) or
     * is released at its carrier.
     */
    AGING,
    /** Came to this system by porting (KAZOO's {@code port_in}): put in service without any order at a carrier. */
    PORT_IN;

    /** The name used on the wire, for example {@code in_service}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state whose wire name is {@code name}, ignoring case. */
    public static Optional<NumberState> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
