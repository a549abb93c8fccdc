package org.carrierhost.host.events;

import java.util.Locale;

/**
 * What was done to numbers: the kinds of {@link NumberEvent}.
 *
 * <p>Thread-safe: an enum.
 */
public enum NumberAction {
    /** A number was acquired (in service or reserved), or the attempt failed. */
    ACQUIRE,
    /** A number was disconnected, or the attempt failed. */
    DISCONNECT,
    /** Numbers were imported into a local carrier's stock, or as ported in. */
    IMPORT,
    /** A ported-in number was put in service, with no carrier call. */
    ACTIVATE,
    /** A number's aging ended: back to the local stock, or released at its carrier. */
    AGING_OVER,
    /** At start, claims of a process that is gone were released, so their numbers are not locked. */
    CLAIMS_RELEASED,
    /** At start after an unclean end, numbers whose cut-off change the embedded store kept in part gained a history row to their state. */
    HISTORY_REPAIRED;

    /** The name the audit log and the API use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
