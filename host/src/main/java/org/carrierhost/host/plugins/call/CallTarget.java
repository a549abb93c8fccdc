package org.carrierhost.host.plugins.call;

import org.carrierhost.host.errors.StandardException;

/**
 * One carrier as the call path sees it: its guard and figures, kept across versions, and a lease on the
 * version serving now.
 *
 * <p>Implementations are thread-safe.
 */
public interface CallTarget {

    /** Its circuit breaker and bulkhead. */
    CarrierGuard guard();

    /** Its call figures. */
    CarrierStats stats();

    /**
     * Opens a lease on the serving version.
     *
     * @throws StandardException {@code carrier_unavailable} saying why it cannot be called now
     */
    CarrierLease lease();

    /**
     * Opens a lease on the version that takes the call {@code key} describes: the serving version, unless the
     * carrier routes some calls elsewhere (a canary rollout).
     *
     * @throws StandardException {@code carrier_unavailable} saying why it cannot be called now
     */
    default CarrierLease lease(CallKey key) {
        return lease();
    }
}
