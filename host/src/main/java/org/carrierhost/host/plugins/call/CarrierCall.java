package org.carrierhost.host.plugins.call;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;

/**
 * One call into a carrier, made through a {@link CarrierLease}.
 *
 * @param <T> what the call returns
 */
@FunctionalInterface
public interface CarrierCall<T> {

    /** Calls {@code carrier}. */
    T apply(CarrierExtension carrier) throws CarrierException;
}
