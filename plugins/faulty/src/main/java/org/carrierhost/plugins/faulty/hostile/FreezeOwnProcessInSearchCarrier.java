package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * On a search, sends {@code SIGSTOP} to its own process: every thread of it freezes, and the process stays alive,
 * so only someone who asks it for an answer can tell.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class FreezeOwnProcessInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        signalOwnProcess("-STOP");
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
