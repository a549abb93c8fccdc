package org.carrierhost.host.plugins.call;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;

/**
 * A call that says whom it is made for, so that a carrier in a canary rollout can route it by its account (sticky:
 * one account reaches one version within a step) and count a search's yield (numbers returned per number asked).
 *
 * <p>Thread-safe: an immutable value, when {@code call} is.
 *
 * @param account the account it is made for, or null for none (such a call reaches the stable version)
 * @param asked   the numbers a search asks for; 0 for any other call
 * @param call    the call itself
 * @param <T>     what the call returns
 */
public record RoutedCall<T>(String account, int asked, CarrierCall<T> call) implements CarrierCall<T> {

    /** {@code call}, made for {@code account}. */
    public static <T> RoutedCall<T> forAccount(String account, CarrierCall<T> call) {
        return new RoutedCall<>(account, 0, call);
    }

    @Override
    public T apply(CarrierExtension carrier) throws CarrierException {
        return call.apply(carrier);
    }
}
