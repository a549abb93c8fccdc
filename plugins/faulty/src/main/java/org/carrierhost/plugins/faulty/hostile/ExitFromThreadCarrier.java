package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code System.exit} from a background thread it starts.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class ExitFromThreadCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        Thread thread = new Thread(() -> System.exit(47), "exit-from-thread");
        thread.setDaemon(true);
        thread.start();
    }
}
