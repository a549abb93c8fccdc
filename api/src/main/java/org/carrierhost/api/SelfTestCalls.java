package org.carrierhost.api;

/**
 * The number calls a self-test may make, through the host. A search reaches the version under test, within the
 * self-test's budget; an acquire or a disconnect is refused, for a self-test must never change what anybody holds.
 *
 * <p>Thread-safe: the host's implementation is.
 */
public interface SelfTestCalls {

    /**
     * A dry-run search of the version under test, for example of quantity 1 on a probe prefix.
     *
     * @throws CarrierException the search's own failure, or {@link ErrorCode#CARRIER_UNAVAILABLE} when the budget is spent
     */
    SearchResult findNumbers(String e164Prefix, int quantity) throws CarrierException;

    /**
     * Always refused.
     *
     * @throws CarrierException {@link ErrorCode#CARRIER_UNAVAILABLE}, "under self-test"
     */
    NumberRecord acquireNumber(NumberRecord number) throws CarrierException;

    /**
     * Always refused.
     *
     * @throws CarrierException {@link ErrorCode#CARRIER_UNAVAILABLE}, "under self-test"
     */
    NumberRecord disconnectNumber(NumberRecord number) throws CarrierException;

    /**
     * The calls of a self-test run outside a host, as a carrier's own tests run it: searches reach {@code carrier}
     * with the default options, and acquires and disconnects are refused as the host refuses them.
     */
    static SelfTestCalls direct(CarrierExtension carrier) {
        return new SelfTestCalls() {
            @Override
            public SearchResult findNumbers(String e164Prefix, int quantity) throws CarrierException {
                return carrier.findNumbers(e164Prefix, quantity, SearchOptions.defaults());
            }

            @Override
            public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
                throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "refused: under self-test");
            }

            @Override
            public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
                throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "refused: under self-test");
            }
        };
    }
}
