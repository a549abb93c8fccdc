package org.carrierhost.host.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param confFile        the settings file it was read from, if any: read again for a carrier's section when the
 *                        carrier loads, so an edit of it applies at the carrier's next reload
 */
public record HostSettings(HttpSettings http, AccessSettings access, PluginSettings plugins, Path dataDir, StoreSettings store,
                           SearchSettings search, NumberSettings numbers, MetricsSettings metrics, ClusterSettings cluster,
                           Map<String, CarrierConfig> carrierSections, Map<String, DeclaredSettings.Source> carrierSources,
                           Optional<Path> confFile) {

    public HostSettings {
        carrierSections = Map.copyOf(carrierSections);
        carrierSources = Map.copyOf(carrierSources);
        Objects.requireNonNull(confFile, "confFile");
    }

    /** As the canonical constructor, read from no settings file. */
    public HostSettings(HttpSettings http, AccessSettings access, PluginSettings plugins, Path dataDir, StoreSettings store,
                        SearchSettings search, NumberSettings numbers, MetricsSettings metrics, ClusterSettings cluster,
                        Map<String, CarrierConfig> carrierSections, Map<String, DeclaredSettings.Source> carrierSources) {
        this(http, access, plugins, dataDir, store, search, numbers, metrics, cluster, carrierSections, carrierSources,
                Optional.empty());
    }

    /** Where {@code carrier.<id>.<key>} ({@code fullKey}) came from; {@code DEFAULT} when no layer set it. */
    public DeclaredSettings.Source carrierSource(String fullKey) {
        return carrierSources.getOrDefault(fullKey, DeclaredSettings.Source.DEFAULT);
    }

    /** Carrier {@code id}'s section; empty when none is configured. */
    public CarrierConfig carrier(String id) {
        return carrierSections.getOrDefault(id, CarrierConfig.empty());
    }

    /**
     * Carrier {@code id}'s section as the settings file now says it: its keys read again from {@link #confFile()},
     * under the environment's, the system properties' and {@code --set}'s, which stay as they were at start. A key
     * taken out of the file is gone. Without a file, or when it cannot be read now, the section as at start.
     */
    public CarrierConfig carrierAsFileNowSays(String id) {
        if (confFile.isEmpty() || !java.nio.file.Files.isRegularFile(confFile.get())) {
            return carrier(id);
        }
        Map<String, String> file;
        try {
            file = HostConfiguration.readFile(confFile.get());
        } catch (InvalidSettingException e) {
            return carrier(id);
        }
        String prefix = Settings.CARRIER_KEY.keyFor(id, "");
        Map<String, String> section = new HashMap<>(carrier(id).values());
        section.keySet().removeIf(key -> carrierSource(prefix + key) == DeclaredSettings.Source.CONF_FILE);
        file.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                DeclaredSettings.Source source = carrierSource(key);
                if (source == DeclaredSettings.Source.CONF_FILE || source == DeclaredSettings.Source.DEFAULT) {
                    section.put(key.substring(prefix.length()), value);
                }
            }
        });
        return new CarrierConfig(section);
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
