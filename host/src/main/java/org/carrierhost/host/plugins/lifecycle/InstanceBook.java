package org.carrierhost.host.plugins.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Which carriers are instances of which plugins: a carrier of its own id ({@code bw-west}) built from an
 * installed plugin ({@code bandwidth}), with its own section {@code carrier.bw-west.*}. An instance is defined by
 * the key {@code carrier.<id>.plugin} in the settings file, {@code --set}, or the settings stored through the API
 * ({@code POST /api/carriers/{plugin}/instances}). {@link CarrierLifecycle} asks it when a plugin starts serving
 * (to start its instances too) and when a removal is asked (to refuse a plugin's while it has instances).
 *
 * <p>Implementations are thread-safe.
 */
public interface InstanceBook {

    /** The key of a carrier's section that makes it an instance of the plugin it names. */
    String PLUGIN_KEY = "plugin";

    /** A host with no instances. */
    InstanceBook NONE = new InstanceBook() {
        @Override
        public List<String> instancesOf(String plugin) {
            return List.of();
        }

        @Override
        public Optional<String> pluginOf(String id) {
            return Optional.empty();
        }

        @Override
        public void forget(String id, Origin origin) {
        }
    };

    /** The ids of the instances defined of {@code plugin}, sorted. */
    List<String> instancesOf(String plugin);

    /** The plugin carrier {@code id} is defined as an instance of; empty when it is not one. */
    Optional<String> pluginOf(String id);

    /**
     * Instance {@code id} was removed: its definition is dropped (asked here: its stored settings deleted for every
     * host; followed from another host: read again).
     */
    void forget(String id, Origin origin);
}
