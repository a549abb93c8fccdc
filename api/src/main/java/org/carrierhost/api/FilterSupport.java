package org.carrierhost.api;

import java.util.Locale;

/**
 * How a carrier answers one search filter: it applies it exactly ({@code native}), on a best effort that may
 * widen the answer ({@code approximate}, as Bandwidth widens to a local calling area), or not at all ({@code none}).
 *
 * <p>Thread-safe: an enum.
 */
public enum FilterSupport {
    NATIVE, APPROXIMATE, NONE;

    /** The name on the wire: {@code native}, {@code approximate} or {@code none}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
