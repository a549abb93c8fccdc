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
}
