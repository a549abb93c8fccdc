package org.carrierhost.plugins.bandwidth;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * What an interrupted wait becomes: the host interrupts a call past its deadline, so the call ends at once
 * as a {@link ErrorCode#TIMEOUT}, and the interrupt flag is set again for the host to see.
 *
 * <p>Thread-safe: stateless.
 */
final class Interruption {

    private Interruption() {
    }

    /** Restores the interrupt flag and returns the TIMEOUT to throw. */
    static CarrierException timeout(String detail) {
        Thread.currentThread().interrupt();
        return new CarrierException(ErrorCode.TIMEOUT, "interrupted while waiting for bandwidth", detail);
    }
}
