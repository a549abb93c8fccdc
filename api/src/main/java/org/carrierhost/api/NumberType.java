package org.carrierhost.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a number a search asks for or an offer is: geographic ({@code local}), {@code toll_free} or
 * {@code mobile}.
 *
 * <p>Thread-safe: an enum.
 */
public enum NumberType {
    LOCAL, TOLL_FREE, MOBILE;

    /** The name on the wire: {@code local}, {@code toll_free} or {@code mobile}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code name} on the wire, or empty. */
    public static Optional<NumberType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
