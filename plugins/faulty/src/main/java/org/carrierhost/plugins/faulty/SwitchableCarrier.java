package org.carrierhost.plugins.faulty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

/**
 * A carrier whose health a test switches from outside: while a file named {@code down} exists in its data
 * directory, every search throws an unexpected exception (a broken carrier); otherwise it offers the
 * prefix itself followed by zeros, one number per search.
 *
 * <p>Thread-safe: its only state, the data directory, is set once in {@code start} and read after.
 */
public class SwitchableCarrier extends QuietCarrier {

    private volatile Path down;

    @Override
    public void start(CarrierContext context) {
        down = context.dataDir().resolve("down");
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) {
        if (Files.exists(down)) {
            throw new IllegalStateException("switched down by the test");
        }
        String number = e164Prefix + "0".repeat(Math.max(0, 12 - e164Prefix.length()));
        return SearchResult.offers(List.of(new NumberOffer(number, Map.of("source", "switchable"))));
    }
}
