package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code Runtime.halt} from its constructor.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class HaltInConstructorCarrier extends QuietCarrier {

    public HaltInConstructorCarrier() {
        Runtime.getRuntime().halt(43);
    }
}
