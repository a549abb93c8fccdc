package org.carrierhost.host.plugins.load;

import org.carrierhost.api.CarrierContext;

/**
 * Builds the context a carrier receives at start: its configuration section, data directory and, for a
 * local carrier, the host's inventory.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface CarrierContextFactory {

    /** The context for carrier {@code carrierId}; {@code local} says whether it gets the inventory. */
    CarrierContext create(String carrierId, boolean local);
}
