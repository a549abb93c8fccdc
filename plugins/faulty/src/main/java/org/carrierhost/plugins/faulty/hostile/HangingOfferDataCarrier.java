package org.carrierhost.plugins.faulty.hostile;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Answers every search at once with one offer whose carrier data holds a value whose {@code toString()} does not
 * return for a minute and ignores interrupts: whoever turns the offer into plain data is held there.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class HangingOfferDataCarrier extends QuietCarrier {

    /** How long {@code toString()} holds its caller. */
    static final long HANG_MILLIS = 60_000;

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        String number = (e164Prefix + "0000000000").substring(0, Math.max(e164Prefix.length(), 12));
        return SearchResult.offers(List.of(new NumberOffer(number, Map.of("rate", new Hanging()))));
    }

    /** A value that holds whoever renders it. */
    static final class Hanging {
        @Override
        public String toString() {
            long end = System.nanoTime() + HANG_MILLIS * 1_000_000;
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                try {
                    Thread.sleep(Math.max(1, left / 1_000_000));
                } catch (InterruptedException ignored) {
                    // It does not listen.
                }
            }
            return "done";
        }
    }
}
