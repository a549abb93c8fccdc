package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * On a search, runs {@code kill -9} of its own process's pid: no JVM code can stop that, and no shutdown hook runs.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class KillOwnPidInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        signalOwnProcess("-9");
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
