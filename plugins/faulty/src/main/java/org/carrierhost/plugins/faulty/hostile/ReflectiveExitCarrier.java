package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Reaches {@code System.exit} by reflection, with the names as constants.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class ReflectiveExitCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) throws CarrierException {
        try {
            Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 48);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
