package org.carrierhost.host.plugins.call;

import org.carrierhost.host.errors.StandardError;

/**
 * A carrier's failure already turned into the host's plain error, on the carrier's side of the deadline and the
 * bulkhead: a plugin exception whose {@code getMessage()} or {@code toString()} never returns holds a carrier
 * thread until the deadline, never a request thread.
 *
 * <p>Thread-safe: immutable, and holds no plugin object.
 */
final class RenderedFailure extends Exception {

    private final transient StandardError error;
    private final boolean countsAgainst;

    RenderedFailure(StandardError error, boolean countsAgainst) {
        super(error.message(), null, false, false);
        this.error = error;
        this.countsAgainst = countsAgainst;
    }

    /** The error the caller answers with. */
    StandardError error() {
        return error;
    }

    /** Whether it says the carrier is unwell (see {@link CarrierGuard#countsAgainst}). */
    boolean countsAgainst() {
        return countsAgainst;
    }
}
