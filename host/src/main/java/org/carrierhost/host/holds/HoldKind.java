package org.carrierhost.host.holds;

import java.util.Locale;

/**
 * Who holds a number: its carrier (a reservation there), or only our hosts.
 *
 * <p>Thread-safe: an enum.
 */
public enum HoldKind {
    /** Held at the carrier itself, by its reservation; released there when the hold ends. */
    CARRIER,
    /** Held within our hosts only: other accounts' searches and acquires here leave it alone; the carrier does not know. */
    SOFT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
