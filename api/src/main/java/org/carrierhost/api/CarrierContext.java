package org.carrierhost.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the host gives a carrier when it starts.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface CarrierContext {

    /**
     * A context of fixed values: what the host gives a carrier, and what a carrier's own tests can build.
     *
     * @param inventory the host's inventory for a local carrier; empty for others
     */
    static CarrierContext of(String carrierId, CarrierConfig config, Path dataDir, Optional<NumberInventory> inventory) {
        return new FixedCarrierContext(carrierId, config, dataDir, inventory);
    }

    /** The carrier's id, which is its plugin id. */
    String carrierId();

    /** The carrier's own configuration section ({@code carrier.<id>.*}). */
    CarrierConfig config();

    /** A directory the carrier may keep files in; it survives reloads and restarts. */
    Path dataDir();

    /** The host's number inventory; present only for local carriers. */
    Optional<NumberInventory> inventory();
}
