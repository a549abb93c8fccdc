package org.carrierhost.plugins.faulty;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * A carrier whose {@code start} throws.
 *
 * <p>Thread-safe: stateless.
 */
public class ThrowingStartCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) throws CarrierException {
        throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "faulty start");
    }
}
