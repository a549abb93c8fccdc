package org.carrierhost.host.plugins.lifecycle;

import java.util.List;

import org.carrierhost.api.CarrierCapabilities;

import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.plugins.load.Generation;

/**
 * What a carrier's last loaded generation said about itself, kept to describe it while nothing serves.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param version     the plugin version
 * @param description the plugin description
 * @param provider    the plugin provider
 * @param local       {@code is_local}
 * @param cnam        {@code should_lookup_cnam}
 * @param settings    the settings it declares
 * @param missing     the required settings its section lacked when it loaded: while any is, it is not configured
 * @param capabilities what its search can answer
 * @param plugin      the plugin it was loaded from: its own id, unless it is an instance of that plugin
 */
public record PluginFacts(String version, String description, String provider, boolean local, boolean cnam,
                          DeclaredSettings settings, List<String> missing, CarrierCapabilities capabilities,
                          String plugin) {

    public PluginFacts {
        missing = List.copyOf(missing);
    }

    static PluginFacts of(Generation generation) {
        return new PluginFacts(generation.version(), generation.description(), generation.provider(),
                generation.local(), generation.cnam(), generation.declaredSettings(), generation.missingSettings(),
                generation.capabilities(), generation.plugin());
    }

    /** Whether it lacked a required setting when it loaded. */
    public boolean notConfigured() {
        return !missing.isEmpty();
    }
}
