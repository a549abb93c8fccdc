package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code Runtime.halt} from {@code stop}.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class HaltInStopCarrier extends QuietCarrier {

    @Override
    public void stop() {
        Runtime.getRuntime().halt(46);
    }
}
