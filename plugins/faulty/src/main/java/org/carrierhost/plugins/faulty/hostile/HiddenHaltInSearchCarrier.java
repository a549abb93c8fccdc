package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code Runtime.halt(13)} from a search by reflection on a name built at run time: the process it runs in
 * ends at once with status 13, with no shutdown hook run.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class HiddenHaltInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        try {
            String name = new StringBuilder("tlah").reverse().toString();
            Runtime.class.getMethod(name, int.class).invoke(Runtime.getRuntime(), 13);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
