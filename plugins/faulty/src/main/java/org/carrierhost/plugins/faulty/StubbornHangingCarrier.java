package org.carrierhost.plugins.faulty;

import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

/**
 * A carrier whose searches hang for ten minutes, ignoring interrupts: the host can only abandon the
 * calls, so it shows whether abandoned calls pile up threads.
 *
 * <p>Thread-safe: stateless.
 */
public class StubbornHangingCarrier extends QuietCarrier {

    private static final long HANG_MS = 600_000;

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) {
        hang(HANG_MS);
        return SearchResult.offers(java.util.List.of());
    }
}
