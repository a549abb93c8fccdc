package org.carrierhost.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain {@link CarrierContext}: fixed values, as {@link CarrierContext#of} makes them.
 *
 * <p>Thread-safe: an immutable value over a thread-safe inventory.
 */
record FixedCarrierContext(String carrierId, CarrierConfig config, Path dataDir, Optional<NumberInventory> inventory)
        implements CarrierContext {

    FixedCarrierContext {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(inventory, "inventory");
    }
}
