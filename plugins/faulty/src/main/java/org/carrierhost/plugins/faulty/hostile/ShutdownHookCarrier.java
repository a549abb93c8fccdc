package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Registers a shutdown hook, which could wedge the host on its way down.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class ShutdownHookCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
    }
}
