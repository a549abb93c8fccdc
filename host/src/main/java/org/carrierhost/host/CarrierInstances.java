package org.carrierhost.host;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.host.config.HostSettings;
import org.carrierhost.host.plugins.lifecycle.InstanceBook;
import org.carrierhost.host.plugins.lifecycle.Origin;
import org.carrierhost.host.store.CarrierSettingsStore;

/**
 * The instances of plugins this host runs: each carrier whose section names a plugin ({@code carrier.<id>.plugin}),
 * stored through the API (for every host of the database) or set in the settings file, the environment or
 * {@code --set}. A stored definition lies over the others; an instance removed while the host runs stays removed
 * until the next start, even when the settings file defines it.
 *
 * <p>Thread-safe: reads the immutable settings and the thread-safe store; the removed ids are a concurrent set.
 */
final class CarrierInstances implements InstanceBook {

    private final HostSettings settings;
    private final CarrierSettingsStore stored;
    private final Set<String> removed = ConcurrentHashMap.newKeySet();

    CarrierInstances(HostSettings settings, CarrierSettingsStore stored) {
        this.settings = settings;
        this.stored = stored;
    }

    @Override
    public java.util.List<String> instancesOf(String plugin) {
        Set<String> ids = new TreeSet<>(settings.carrierSections().keySet());
        ids.addAll(stored.carriers());
        return ids.stream().filter(id -> pluginOf(id).filter(plugin::equals).isPresent()).toList();
    }

    @Override
    public Optional<String> pluginOf(String id) {
        Optional<String> named = Optional.ofNullable(stored.stored(id).get(PLUGIN_KEY));
        if (named.isEmpty() && !removed.contains(id)) {
            named = settings.carrier(id).get(PLUGIN_KEY);
        }
        return named.filter(plugin -> !plugin.equals(id));
    }

    @Override
    public void forget(String id, Origin origin) {
        removed.add(id);
        if (origin == Origin.HERE) {
            stored.replace(id, Map.of(), Set.of(), "removed");
        } else {
            stored.refresh(id);
        }
    }
}
