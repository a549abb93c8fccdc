package org.carrierhost.host.plugins.lifecycle;

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
 */
public record PluginFacts(String version, String description, String provider, boolean local, boolean cnam) {

    static PluginFacts of(Generation generation) {
        return new PluginFacts(generation.version(), generation.description(), generation.provider(),
                generation.local(), generation.cnam());
    }
}
