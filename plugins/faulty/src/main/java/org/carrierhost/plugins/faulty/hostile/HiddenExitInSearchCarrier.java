package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code Runtime.exit(0)} from a search by reflection on a name built at run time, which no bytecode screen
 * sees: the process it runs in ends through its shutdown hooks, as if asked to stop, unless the host tells the two
 * apart.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class HiddenExitInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        try {
            String name = new StringBuilder("tixe").reverse().toString();
            Runtime.class.getMethod(name, int.class).invoke(Runtime.getRuntime(), 0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
