package org.carrierhost.host.events;

import java.util.Locale;

/**
 * What happened to a hold: the kinds of {@link HoldEvent}.
 *
 * <p>Thread-safe: an enum.
 */
public enum HoldAction {
    CREATED, EXTENDED, EXPIRED, RELEASED, CONSUMED;

    /** The name the audit log, the event stream and the metrics use, for example {@code hold-created}. */
    public String wireName() {
        return "hold-" + name().toLowerCase(Locale.ROOT);
    }
}
