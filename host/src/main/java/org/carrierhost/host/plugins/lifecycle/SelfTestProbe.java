package org.carrierhost.host.plugins.lifecycle;

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
 * acquire and disconnect is refused "under self-test", and remembered so the verdict says it was tried.
 *
 * <p>Thread-safe: the count is atomic and the refusals a concurrent list.
 */
final class SelfTestProbe implements SelfTestCalls {

    static final String UNDER_SELF_TEST = "under self-test";

    private final String id;
    private final CarrierExtension version;
    private final int budget;
    private final AtomicInteger searches = new AtomicInteger();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    SelfTestProbe(String id, CarrierExtension version, int budget) {
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
        String what = call + " of " + (number == null ? "a number" : number.number());
        refused.add(what);
        return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "carrier " + id + " refused the " + call + ": "
                + UNDER_SELF_TEST, "a self-test may search but never acquire or disconnect");
    }

    /** The acquires and disconnects the self-test tried, each refused. */
    List<String> refused() {
        return List.copyOf(refused);
    }
}
