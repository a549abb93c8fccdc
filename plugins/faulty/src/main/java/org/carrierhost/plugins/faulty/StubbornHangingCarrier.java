package org.carrierhost.plugins.faulty;

import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

/**
 * A carrier whose searches never return and ignore interrupts: the worst a carrier can do to the
 * threads that call it.
 *
 * <p>Thread-safe: stateless.
 */
public class StubbornHangingCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Ignored on purpose.
            }
        }
    }
}
