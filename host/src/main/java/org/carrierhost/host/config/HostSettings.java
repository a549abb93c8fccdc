package org.carrierhost.host.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.carrierhost.api.CarrierConfig;

/**
 * Every host setting, validated and typed and grouped by the part that uses it, plus the carriers' own
 * sections. {@link HostConfiguration} builds it from {@link Settings}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param http            {@code http.*}: the HTTP server
 * @param access          {@code admin.token} and {@code auth.token.*}: who may call the API
 * @param plugins         {@code plugins.*}: the drop-in directory and the plugin lifecycle
 * @param dataDir         {@code data.dir}: the embedded registry, the admin token and the plugins' working copies
 * @param store           {@code store.*}: the registry's database
 * @param search          {@code search.*} and {@code carriers.order}
 * @param numbers         {@code acquire.*}, {@code registry.*} and {@code import.*}
 * @param carrierSections {@code carrier.<id>.*}, by carrier id, keys without the {@code carrier.<id>.} prefix
 */
public record HostSettings(HttpSettings http, AccessSettings access, PluginSettings plugins, Path dataDir, StoreSettings store,
                           SearchSettings search, NumberSettings numbers, Map<String, CarrierConfig> carrierSections) {

    public HostSettings {
        carrierSections = Map.copyOf(carrierSections);
    }

    /** Carrier {@code id}'s section; empty when none is configured. */
    public CarrierConfig carrier(String id) {
        return carrierSections.getOrDefault(id, CarrierConfig.empty());
    }

    /** Every part, with secrets masked, the carriers' own ones included. */
    @Override
    public String toString() {
        Map<String, Map<String, String>> carriers = new TreeMap<>();
        carrierSections.forEach((id, section) -> carriers.put(id, HostConfiguration.masked(id, section)));
        return "HostSettings[http=" + http + ", access=" + access + ", plugins=" + plugins + ", dataDir=" + dataDir
                + ", store=" + store + ", search=" + search + ", numbers=" + numbers + ", carrierSections=" + carriers + "]";
    }
}
