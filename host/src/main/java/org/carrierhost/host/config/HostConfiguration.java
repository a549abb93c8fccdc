package org.carrierhost.host.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.carrierhost.api.CarrierConfig;

/**
 * Reads the host's settings from their layers, highest first: command-line flags, {@code -D} system
 * properties, {@code CARRIER_HOST_*} environment variables, the settings file, the defaults. Built on
 * commons-configuration2's {@link CompositeConfiguration}.
 *
 * <p>Which keys exist, their types, bounds and defaults, and which are secrets, is {@link Settings}'s
 * table: this class only layers the values and hands each to its setting to parse.
 *
 * <p>Relative paths in the settings file are resolved against {@code baseDir} (the distribution's home),
 * those from flags against the working directory.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class HostConfiguration {

    /** Every key with a default, and its default, as the lowest layer. */
    private static final Map<String, String> DEFAULTS = Settings.all().stream()
            .filter(s -> !s.isPattern() && s.defaultText().isPresent())
            .collect(Collectors.toUnmodifiableMap(Setting::key, s -> s.defaultText().get()));
    /** The first segments of every key: the system properties that may be settings. */
    private static final Set<String> SECTIONS = Settings.all().stream().map(s -> s.key().split("\\.", 2)[0])
            .collect(Collectors.toUnmodifiableSet());

    private final CompositeConfiguration settings;
    private final Set<String> fromFile;
    /** The keys a layer above the defaults set. */
    private final Set<String> given;
    private final Path baseDir;
    /** Where each carrier key a layer set came from: the highest layer that sets it. */
    private final Map<String, DeclaredSettings.Source> carrierSources;
    /** The settings file read, or null. */
    private final Path configFile;

    private HostConfiguration(CompositeConfiguration settings, Set<String> fromFile, Set<String> given, Path baseDir,
                              Map<String, DeclaredSettings.Source> carrierSources, Path configFile) {
        this.configFile = configFile;
        this.settings = settings;
        this.fromFile = fromFile;
        this.given = given;
        this.baseDir = baseDir;
        this.carrierSources = Map.copyOf(carrierSources);
    }

    /**
     * The layered settings.
     *
     * @param configFile  the settings file; when {@code required} it must exist
     * @param baseDir     what relative paths in the file are relative to
     * @param environment the process environment
     * @param system      the system properties
     * @param flags       the command-line settings
     * @throws InvalidSettingException when the file is unreadable
     */
    public static HostConfiguration load(Optional<Path> configFile, boolean required, Path baseDir,
                                         Map<String, String> environment, Map<String, String> system,
                                         Map<String, String> flags) {
        Map<String, String> file = new LinkedHashMap<>();
        if (configFile.isPresent()) {
            Path path = configFile.get();
            if (Files.isRegularFile(path)) {
                file.putAll(readFile(path));
            } else if (required) {
                throw new InvalidSettingException("--config", "no such file: " + path.toAbsolutePath());
            }
        }
        Map<String, String> systemLayer = new LinkedHashMap<>();
        system.forEach((k, v) -> {
            // The JVM's own http.* properties (http.proxyHost, http.agent, ...) are not host settings.
            boolean jvmHttp = k.startsWith("http.") && Settings.find(k).isEmpty();
            if (SECTIONS.contains(k.split("\\.", 2)[0]) && k.contains(".") && !jvmHttp) {
                systemLayer.put(k, v);
            }
        });
        Map<String, String> environmentLayer = EnvironmentKeys.settings(environment);
        CompositeConfiguration composite = new CompositeConfiguration();
        composite.addConfiguration(new MapConfiguration(new LinkedHashMap<>(flags)));
        composite.addConfiguration(new MapConfiguration(systemLayer));
        composite.addConfiguration(new MapConfiguration(environmentLayer));
        composite.addConfiguration(new MapConfiguration(file));
        composite.addConfiguration(new MapConfiguration(new LinkedHashMap<>(DEFAULTS)));
        Set<String> fromFile = new HashSet<>(file.keySet());
        fromFile.removeAll(flags.keySet());
        fromFile.removeAll(systemLayer.keySet());
        fromFile.removeAll(environmentLayer.keySet());
        Set<String> given = new HashSet<>(file.keySet());
        given.addAll(flags.keySet());
        given.addAll(systemLayer.keySet());
        given.addAll(environmentLayer.keySet());
        Map<String, DeclaredSettings.Source> carrierSources = new HashMap<>();
        // Lowest layer first, so that a higher one overwrites: the composite answers from the highest.
        noteCarrierKeys(carrierSources, file, DeclaredSettings.Source.CONF_FILE);
        noteCarrierKeys(carrierSources, environmentLayer, DeclaredSettings.Source.ENVIRONMENT);
        noteCarrierKeys(carrierSources, systemLayer, DeclaredSettings.Source.SYSTEM_PROPERTY);
        noteCarrierKeys(carrierSources, flags, DeclaredSettings.Source.COMMAND_LINE);
        return new HostConfiguration(composite, Set.copyOf(fromFile), Set.copyOf(given), baseDir, carrierSources,
                configFile.filter(Files::isRegularFile).map(Path::toAbsolutePath).orElse(null));
    }

    private static void noteCarrierKeys(Map<String, DeclaredSettings.Source> sources, Map<String, String> layer,
                                        DeclaredSettings.Source source) {
        layer.keySet().stream().filter(k -> k.startsWith("carrier.")).forEach(k -> sources.put(k, source));
    }

    /** Settings from {@code values} over the defaults only; for embedding and tests. */
    public static HostConfiguration of(Map<String, String> values) {
        return load(Optional.empty(), false, Path.of("."), Map.of(), Map.of(), values);
    }

    static Map<String, String> readFile(Path path) {
        try {
            // A plain FileHandler load: the fluent builders would need commons-beanutils for nothing.
            PropertiesConfiguration properties = new PropertiesConfiguration();
            new FileHandler(properties).load(path.toFile());
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<String> keys = properties.getKeys(); keys.hasNext(); ) {
                String key = keys.next();
                values.put(key, properties.getString(key));
            }
            return values;
        } catch (ConfigurationException e) {
            throw new InvalidSettingException("--config", "cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * Validates every key against {@link Settings} and returns the settings typed.
     *
     * @throws InvalidSettingException naming the first key that is unknown or whose value is wrong
     */
    public HostSettings settings() {
        checkEveryKey();
        return new HostSettings(HttpSettings.from(this), AccessSettings.from(this), PluginSettings.from(this),
                get(Settings.DATA_DIR), StoreSettings.from(this), SearchSettings.from(this), NumberSettings.from(this),
                MetricsSettings.from(this), ClusterSettings.from(this),
                carrierSections(), carrierSources, Optional.ofNullable(configFile));
    }

    /** Where the trust policy comes from: the settings file, under the {@code plugins.trust.*} keys set above it. */
    TrustSource trustSource() {
        Map<String, String> above = new TreeMap<>();
        given.stream().filter(TrustSource::isTrustKey).filter(k -> !fromFile.contains(k))
                .forEach(k -> above.put(k, settings.getString(k, "")));
        return new TrustSource(Optional.ofNullable(configFile), baseDir, above);
    }

    /** Every key set above the defaults, with its value as it may be shown: secrets masked. For logs. */
    public Map<String, String> shown() {
        Map<String, String> shown = new TreeMap<>();
        for (Iterator<String> keys = settings.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (given.contains(key)) {
                shown.put(key, Settings.shown(key, settings.getString(key, "")));
            }
        }
        return shown;
    }

    /** Carrier {@code id}'s section with secrets masked, for display. */
    public static Map<String, String> masked(String id, CarrierConfig config) {
        Map<String, String> shown = new TreeMap<>();
        config.values().forEach((k, v) -> shown.put(k, Settings.shown(Settings.CARRIER_KEY.keyFor(id, k), v)));
        return shown;
    }

    /**
     * The value of {@code setting}, from the highest layer that sets it, or its default.
     *
     * @throws InvalidSettingException when the value is wrong, or the setting is unset and has no default
     */
    <T> T get(Setting<T> setting) {
        return optional(setting).orElseThrow(() -> new InvalidSettingException(setting.key(), "must be set"));
    }

    /** The value of {@code setting}, or its default; empty when it is unset or blank and has no default. */
    <T> Optional<T> optional(Setting<T> setting) {
        String text = settings.getString(setting.key(), null);
        if (text == null || text.isBlank() && setting.defaultText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolved(setting.key(), setting.parse(setting.key(), text)));
    }

    /** Every key of the pattern {@code setting} that a layer set, with its value, by key. */
    <T> Map<String, T> each(Setting<T> setting) {
        Map<String, T> values = new TreeMap<>();
        for (Iterator<String> keys = settings.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (Settings.find(key).orElse(null) == setting) {
                values.put(key, resolved(key, setting.parse(key, settings.getString(key, ""))));
            }
        }
        return values;
    }

    /** A relative path from the settings file is relative to the home. */
    @SuppressWarnings("unchecked")
    private <T> T resolved(String key, T value) {
        if (value instanceof Path path && !path.isAbsolute() && fromFile.contains(key)) {
            return (T) baseDir.resolve(path);
        }
        return value;
    }

    private Map<String, CarrierConfig> carrierSections() {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        for (Iterator<String> keys = settings.getKeys("carrier"); keys.hasNext(); ) {
            String key = keys.next();
            String[] parts = key.split("\\.", 3);
            if (parts.length < 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new InvalidSettingException(key, "carrier keys are carrier.<id>.<key>");
            }
            sections.computeIfAbsent(parts[1], id -> new TreeMap<>()).put(parts[2], settings.getString(key));
        }
        Map<String, CarrierConfig> configs = new TreeMap<>();
        sections.forEach((id, values) -> configs.put(id, new CarrierConfig(values)));
        return configs;
    }

    /**
     * Every key a layer set is one of {@link Settings}, and its value is one its setting takes; else the start
     * stops, naming the key, and for an unknown one the known key it is closest to.
     */
    private void checkEveryKey() {
        for (Iterator<String> keys = settings.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            Optional<Setting<?>> setting = Settings.find(key);
            if (setting.isEmpty()) {
                throw new InvalidSettingException(key, "unknown setting (set as " + key + " or "
                        + EnvironmentKeys.variableOf(key) + ")" + suggestion(key));
            }
            String text = settings.getString(key, "");
            if (!text.isBlank() || setting.get().defaultText().isPresent()) {
                setting.get().parse(key, text);
            }
        }
    }

    /** "; did you mean K?" for the known key closest to {@code key}, when one is close. */
    static String suggestion(String key) {
        return Settings.closest(key).map(k -> "; did you mean " + k + "?").orElse("");
    }
}
