package org.carrierhost.host.registry;

import org.carrierhost.api.NumberRecord;

/**
 * The outcome of asking to claim a number (or to move it at once).
 *
 * <p>Thread-safe: every shape is an immutable value.
 */
public sealed interface ClaimResult {

    /** The number is yours to change. */
    record Claimed(Claim claim) implements ClaimResult {
    }

    /** The move was made at once ({@link NumberRegistry#moveAtOnce}): {@code stored} is the number now. */
    record Moved(NumberRecord stored) implements ClaimResult {
    }

    /** The registry has no such number. */
    record Missing(String number) implements ClaimResult {
    }

    /** Another caller holds a claim on it right now. */
    record Busy(NumberRecord current) implements ClaimResult {
    }

    /** Its current state does not allow the move. */
    record WrongState(NumberRecord current) implements ClaimResult {
    }
}
