package org.carrierhost.plugins.faulty.hostile;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Starts {@value #THREADS_PER_SEARCH} daemon threads on each search, each parked for good, ignoring interrupts:
 * 10,000 threads a search, without end, which only a limit on its process's threads stops.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class ThreadFloodInSearchCarrier extends QuietCarrier {

    /** How many threads each search leaves. */
    public static final int THREADS_PER_SEARCH = 10_000;

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        parkThreadsForGood(THREADS_PER_SEARCH, "faulty-flood");
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
