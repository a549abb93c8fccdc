package org.carrierhost.host.reconcile;

import java.util.Locale;

/**
 * The kinds of disagreement a reconciliation reports.
 *
 * <p>Thread-safe: an enum.
 */
public enum Drift {
    /** The carrier says the account holds it (and bills for it); the registry has it free, released, or not at all. */
    ONLY_AT_CARRIER,
    /** The registry has it held (in service, reserved, aging); the carrier does not list it. */
    ONLY_HERE,
    /** Both have it, in states that do not agree. */
    STATE_DIFFERS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
