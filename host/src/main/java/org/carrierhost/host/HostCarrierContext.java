package org.carrierhost.host;

import java.nio.file.Path;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.NumberInventory;

/**
 * The context the host gives a carrier at start.
 *
 * <p>Thread-safe: an immutable value over a thread-safe inventory.
 *
 * @param carrierId its id
 * @param config    its {@code carrier.<id>.*} section
 * @param dataDir   {@code <data-dir>/carriers/<id>}
 * @param inventory the number registry, for local carriers only
 */
record HostCarrierContext(String carrierId, CarrierConfig config, Path dataDir, Optional<NumberInventory> inventory)
        implements CarrierContext {
}
