package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code Runtime.exit} from a search.
 *
 * <p>Thread-safe: stateless. The host must refuse it before it loads; tests zip it on its own.
 */
public class ExitInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        Runtime.getRuntime().exit(45);
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
