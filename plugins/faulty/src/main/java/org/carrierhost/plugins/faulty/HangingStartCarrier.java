package org.carrierhost.plugins.faulty;

import org.carrierhost.api.CarrierContext;

/**
 * A carrier whose {@code start} hangs for 30 seconds, ignoring interrupts.
 *
 * <p>Thread-safe: stateless.
 */
public class HangingStartCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        hang(30_000);
    }
}
