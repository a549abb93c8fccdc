package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Halts the JVM from {@code start} by reflection on a name built at run time, which no bytecode
 * screen can see: only the crash journal contains it (the host quarantines it at its next start).
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class HiddenHaltInStartCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        try {
            String name = new StringBuilder("tlah").reverse().toString();
            Runtime.class.getMethod(name, int.class).invoke(Runtime.getRuntime(), 49);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
