package org.carrierhost.host.plugins.load;

import java.time.Duration;
import java.util.List;

import org.carrierhost.api.CarrierExtension;
import org.carrierhost.host.plugins.ProcessFacts;
import org.carrierhost.host.config.DeclaredSettings;

/**
 * One loaded and started version of a carrier: what the lifecycle makes serve, what calls lease, and what
 * is retired when it stops serving. {@link PluginGeneration} is the real one, over PF4J; tests of the
 * lifecycle use their own.
 *
 * <p>Implementations are thread-safe: calls enter and leave from any thread while it serves.
 */
public interface Generation {

    /** The carrier id: the plugin id, or the id of the instance of the plugin it was loaded as. */
    String id();

    /** The id of the plugin it was loaded from; {@link #id()} unless it is an instance of the plugin. */
    default String plugin() {
        return id();
    }

    /** The plugin's version. */
    String version();

    /** The plugin's description, or null. */
    String description();

    /** The plugin's provider, or null. */
    String provider();

    /** The zip it was loaded from, with its hash. */
    PluginArchive archive();

    /** Whether the carrier is local ({@code is_local}), as it said at load. */
    boolean local();

    /** Whether CNAM lookup applies ({@code should_lookup_cnam}), as it said at load. */
    boolean cnam();

    /** The settings it declared at load; none by default. */
    default DeclaredSettings declaredSettings() {
        return DeclaredSettings.none(id());
    }

    /** The required settings it declared that its section lacked at load, in declared order; empty when configured. */
    default List<String> missingSettings() {
        return List.of();
    }

    /** Its process, when it runs in one of its own; empty for a carrier in the host's process. */
    default java.util.Optional<ProcessFacts> process() {
        return java.util.Optional.empty();
    }

    /** The class loader its code runs with. */
    ClassLoader classLoader();

    /** What the carrier's search can answer, as it said at load; a prefix search by default. */
    default org.carrierhost.api.CarrierCapabilities capabilities() {
        return org.carrierhost.api.CarrierCapabilities.prefixOnly();
    }

    /** Its one extension instance. */
    CarrierExtension extension();

    /** Counts a call in; false once it is retiring, so the caller picks the newer one. */
    boolean enter();

    /** Counts a call out. */
    void leave();

    /** How many calls are running on it. */
    int callsInFlight();

    /**
     * Refuses new calls, waits up to {@code drain} for those in flight, then stops and unloads it.
     *
     * @return how the stop and the unload went
     */
    Retirement retire(Duration drain);
}
