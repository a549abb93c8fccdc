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
 * @param metrics         {@code metrics.*}
 * @param cluster         {@code cluster.*}: this host's node id, and its heartbeat and check intervals
 * @param carrierSections {@code carrier.<id>.*}, by carrier id, keys without the {@code carrier.<id>.} prefix
 * @param carrierSources  where each {@code carrier.<id>.<key>} set above the defaults came from, by full key
 */
public record HostSettings(HttpSettings http, AccessSettings access, PluginSettings plugins, Path dataDir, StoreSettings store,
                           SearchSettings search, NumberSettings numbers, MetricsSettings metrics, ClusterSettings cluster,
                           Map<String, CarrierConfig> carrierSections, Map<String, DeclaredSettings.Source> carrierSources) {

    public HostSettings {
        carrierSections = Map.copyOf(carrierSections);
        carrierSources = Map.copyOf(carrierSources);
    }

    /** Where {@code carrier.<id>.<key>} ({@code fullKey}) came from; {@code DEFAULT} when no layer set it. */
    public DeclaredSettings.Source carrierSource(String fullKey) {
        return carrierSources.getOrDefault(fullKey, DeclaredSettings.Source.DEFAULT);
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
                + ", store=" + store + ", search=" + search + ", numbers=" + numbers + ", cluster=" + cluster + ", carrierSections=" + carriers + "]";
    }
}
