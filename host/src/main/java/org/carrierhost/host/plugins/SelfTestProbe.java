package org.carrierhost.host.plugins;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.api.SelfTestCalls;

/**
 * The calls one self-test makes through the host: searches reach the version under test, within the budget; every
 * acquire and disconnect is refused "under self-test", and remembered so the verdict says it was tried. The host
 * gives one to each self-test; a carrier process gives one to the self-test it runs, and its attempts are told
 * to the host's.
 *
 * <p>Thread-safe: the count is atomic and the refusals a concurrent list.
 */
public final class SelfTestProbe implements SelfTestCalls {

    /** The words of every refusal. */
    public static final String UNDER_SELF_TEST = "under self-test";

    /**
     * An acquire or a disconnect a self-test tried, refused.
     *
     * @param call   {@code acquire} or {@code disconnect}
     * @param number the number it named, or null
     */
    public record Attempt(String call, String number) {

        /** As the verdict names it: {@code acquire of +14155550100}. */
        public String describe() {
            return call + " of " + (number == null ? "a number" : number);
        }
    }

    private final String id;
    private final CarrierExtension version;
    private final int budget;
    private final AtomicInteger searches = new AtomicInteger();
    private final List<Attempt> refused = new CopyOnWriteArrayList<>();

    public SelfTestProbe(String id, CarrierExtension version, int budget) {
        this.id = id;
        this.version = version;
        this.budget = budget;
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity) throws CarrierException {
        if (searches.incrementAndGet() > budget) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "refused: the self-test's budget of " + budget
                    + " searches is spent", "plugins.selftest.budget");
        }
        return version.findNumbers(e164Prefix, quantity, SearchOptions.defaults());
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        throw refuse("acquire", number);
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        throw refuse("disconnect", number);
    }

    private CarrierException refuse(String call, NumberRecord number) {
        refused.add(new Attempt(call, number == null ? null : number.number()));
        return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "carrier " + id + " refused the " + call + ": "
                + UNDER_SELF_TEST, "a self-test may search but never acquire or disconnect");
    }

    /** The acquires and disconnects the self-test tried, each refused. */
    public List<Attempt> refused() {
        return List.copyOf(refused);
    }
}
