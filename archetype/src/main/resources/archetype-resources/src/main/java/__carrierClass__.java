package ${package};

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.pf4j.Extension;

/**
 * The ${carrierId} carrier. The host builds one instance per loaded version of the plugin, calls
 * {@code start} once before any other callback and {@code stop} once after the last.
 *
 * <p>This skeleton offers made-up numbers and orders nothing: replace the bodies marked TODO with calls
 * to the carrier's API. Every failure is a {@link CarrierException} with a standard {@link ErrorCode};
 * the carrier's own code and text go in its detail, which callers see as {@code cause}:
 * <ul>
 *   <li>{@code CARRIER_UNAVAILABLE}: not configured (say which setting is missing), or the carrier is down;</li>
 *   <li>{@code CARRIER_FAULT}: the carrier answered with an error, or refused the order;</li>
 *   <li>{@code RATE_LIMITED}: the carrier throttles and retrying is no use now;</li>
 *   <li>{@code TIMEOUT}: the carrier did not answer in time, or the call was interrupted;</li>
 *   <li>{@code NUMBER_EXISTS}: the carrier says somebody else holds the number;</li>
 *   <li>{@code NOT_FOUND}: the carrier does not know the number;</li>
 *   <li>{@code INVALID}: the carrier rejects the number or prefix as malformed.</li>
 * </ul>
 *
 * <p>Thread-safe: the host calls the searches, acquires and disconnects from many threads at once. The
 * settings are read once in {@code start} and published through a volatile field; order ids come from an
 * atomic counter. A call past its deadline is interrupted: let interruption end any blocking wait.
 */
@Extension
public class ${carrierClass} implements CarrierExtension {

    /** How many digits follow the plus in a full number: 11 for North America (+1), 12 elsewhere here. */
    private static final int NANP_DIGITS = 11;
    private static final int OTHER_DIGITS = 12;

    private volatile String apiKey;
    private final AtomicLong orders = new AtomicLong();

    @Override
    public void start(CarrierContext context) throws CarrierException {
        // The host's carrier.${carrierId}.* settings, with that prefix taken off.
        // A carrier that is not configured still starts, and its calls say what is missing.
        apiKey = context.config().get("api_key").orElse(null);
    }

    @Override
    public void stop() {
        // TODO release what start took (clients, connection pools). Must not throw; must return promptly.
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        requireConfigured();
        // TODO ask the carrier for up to `quantity` numbers under the prefix, skipping options.offset().
        // Made up here: the prefix, then subscriber digits counting up from 5 followed by zeros.
        int digits = e164Prefix.startsWith("+1") ? NANP_DIGITS : OTHER_DIGITS;
        int free = digits - (e164Prefix.length() - 1);
        long range = free > 0 ? (long) Math.pow(10, free) : 0;
        List<NumberOffer> offers = new ArrayList<>();
        for (long i = range / 2 + options.offset(); i < range && offers.size() < quantity; i++) {
            offers.add(new NumberOffer(e164Prefix + Long.toString(i), Map.of("source", "${carrierId}")));
        }
        return SearchResult.offers(offers);
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        requireConfigured();
        // TODO order the number at the carrier. When it refuses, for example:
        //   throw new CarrierException(ErrorCode.CARRIER_FAULT, "order refused", "E1013: number not available");
        // Nothing may be left half-ordered without saying so in the detail.
        return number.withData(Map.of("order_id", "${carrierId}-order-" + orders.incrementAndGet()));
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        requireConfigured();
        // TODO release the number at the carrier.
        return number.withData(Map.of("disconnect_order_id", "${carrierId}-disconnect-" + orders.incrementAndGet()));
    }

    @Override
    public boolean shouldLookupCnam() {
        return false;
    }

    @Override
    public boolean isNumberBillable(NumberRecord number) {
        return true;
    }

    @Override
    public boolean isLocal() {
        // True only for a carrier of numbers this system holds itself: it then gets the host's
        // NumberInventory in its CarrierContext.
        return false;
    }

    private void requireConfigured() throws CarrierException {
        if (apiKey == null) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "carrier ${carrierId} is not configured",
                    "set carrier.${carrierId}.api_key");
        }
    }
}
