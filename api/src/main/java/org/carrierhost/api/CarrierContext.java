package org.carrierhost.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the host gives a carrier when it starts.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface CarrierContext {

    /** The carrier's id, which is its plugin id. */
    String carrierId();

    /** The carrier's own configuration section ({@code carrier.<id>.*}). */
    CarrierConfig config();

    /** A directory the carrier may keep files in; it survives reloads and restarts. */
    Path dataDir();

    /** The host's number inventory; present only for local carriers. */
    Optional<NumberInventory> inventory();
}
