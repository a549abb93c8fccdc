package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code System.exit} from {@code start}.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class ExitInStartCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        System.exit(44);
    }
}
