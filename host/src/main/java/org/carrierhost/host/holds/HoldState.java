package org.carrierhost.host.holds;

import java.util.Locale;

/**
 * Where a hold stands: active until it ends one of three ways.
 *
 * <p>Thread-safe: an enum.
 */
public enum HoldState {
    ACTIVE, EXPIRED, RELEASED, CONSUMED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
