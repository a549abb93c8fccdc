package org.carrierhost.host.plugins.call;

import org.carrierhost.host.events.CarrierOperation;

/**
 * What the call path knows of one call when it chooses the version to lease: its operation, the account it is made
 * for (null when none), and for a search how many numbers it asks for (0 otherwise). A carrier in a canary rollout
 * routes by it; every other carrier ignores it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param operation what the call does
 * @param account   the account it is made for, or null
 * @param asked     the numbers a search asks for; 0 for any other call
 */
public record CallKey(CarrierOperation operation, String account, int asked) {

    /** The key of {@code call}, made for {@code operation}: its account and quantity when it is a {@link RoutedCall}. */
    public static CallKey of(CarrierOperation operation, CarrierCall<?> call) {
        return call instanceof RoutedCall<?> routed ? new CallKey(operation, routed.account(), routed.asked())
                : new CallKey(operation, null, 0);
    }
}
