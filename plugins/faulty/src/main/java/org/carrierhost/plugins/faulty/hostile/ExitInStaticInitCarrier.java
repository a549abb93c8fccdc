package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code System.exit} from its static initialiser.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class ExitInStaticInitCarrier extends QuietCarrier {

    static {
        System.exit(42);
    }
}
