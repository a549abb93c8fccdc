package org.carrierhost.host.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.carrierhost.api.CarrierConfig;
import org.carrierhost.host.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the host's settings from their layers, highest first: command-line flags, {@code -D} system
 * properties, {@code CARRIER_HOST_*} environment variables, the settings file, the defaults. Built on
 * commons-configuration2's {@link CompositeConfiguration}.
 *
 * <p>Relative paths in the settings file are resolved against {@code baseDir} (the distribution's home),
 * those from flags against the working directory.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class HostConfiguration {

    /** Every host key and its default; a key with no default is optional. */
    static final Map<String, String> DEFAULTS = defaults();
    private static final Set<String> SECTIONS = Set.of("http", "admin", "auth", "plugins", "data", "store", "search",
            "acquire", "carriers", "carrier", "registry", "import", "cluster");
    /** Host keys that have no default. */
    private static final Set<String> OPTIONAL = Set.of("admin.token", "store.jdbc_url", "http.tls.keystore",
            "http.tls.keystore_password", "cluster.node_id");
    /** Prefixes whose keys are free-form: each carrier's own section, and the named tokens. */
    private static final List<String> FREE_PREFIXES = List.of("carrier.", "auth.token.");
    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "key", "credential");
    private static final String MASK = "********";

    private final CompositeConfiguration settings;
    private final Set<String> fromFile;
    private final Path baseDir;

    private HostConfiguration(CompositeConfiguration settings, Set<String> fromFile, Path baseDir) {
        this.settings = settings;
        this.fromFile = fromFile;
        this.baseDir = baseDir;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("http.port", "8080");
        d.put("http.bind", "127.0.0.1");
        d.put("http.threads", "32");
        d.put("http.max_body_bytes", Long.toString(32L << 20));
        d.put("http.max_header_bytes", "8192");
        d.put("http.idle_timeout_ms", "30000");
        d.put("http.read_timeout_ms", "10000");
        d.put("http.min_body_rate", "1024");
        d.put("http.drain_timeout_ms", "3000");
        d.put("http.access_log", "false");
        d.put("http.tls.keystore_type", "PKCS12");
        d.put("plugins.dir", "plugins-dir");
        d.put("data.dir", "data");
        d.put("store.user", "sa");
        d.put("store.pool_size", Integer.toString(Database.DEFAULT_POOL_SIZE));
        d.put("store.password", "");
        d.put("search.timeout_ms", "5000");
        d.put("acquire.timeout_ms", "60000");
        d.put("carriers.order", "");
        d.put("plugins.drain_timeout_ms", "10000");
        d.put("plugins.start_timeout_ms", "10000");
        d.put("plugins.stop_timeout_ms", "5000");
        d.put("plugins.max_zip_bytes", Long.toString(50L << 20));
        d.put("plugins.max_zip_entries", "10000");
        d.put("plugins.max_unpacked_bytes", Long.toString(200L << 20));
        d.put("plugins.max_zip_ratio", "200");
        d.put("plugins.rescan_ms", "1000");
        d.put("plugins.stable_ms", "300");
        d.put("registry.claim_lifetime_ms", "600000");
        d.put("import.max_numbers", "1000000");
        d.put("search.offer_ttl_ms", "900000");
        d.put("search.state_ttl_ms", "5000");
        d.put("cluster.heartbeat_ms", "1000");
        d.put("cluster.check_ms", "2000");
        d.put("cluster.down_after_ms", "5000");
        return Map.copyOf(d);
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
            boolean jvmHttp = k.startsWith("http.") && !known(k);
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
        Set<String> fromFile = new java.util.HashSet<>(file.keySet());
        fromFile.removeAll(flags.keySet());
        fromFile.removeAll(systemLayer.keySet());
        fromFile.removeAll(environmentLayer.keySet());
        return new HostConfiguration(composite, Set.copyOf(fromFile), baseDir);
    }

    /** Settings from {@code values} over the defaults only; for embedding and tests. */
    public static HostConfiguration of(Map<String, String> values) {
        return load(Optional.empty(), false, Path.of("."), Map.of(), Map.of(), values);
    }

    private static Map<String, String> readFile(Path path) {
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
     * Validates every host key and returns them typed.
     *
     * @throws InvalidSettingException naming the first key whose value is wrong
     */
    public HostSettings settings() {
        checkKnownKeys();
        return new HostSettings(
                http(),
                adminToken(),
                tokens(),
                path("plugins.dir"),
                path("data.dir"),
                optional("store.jdbc_url"),
                settings.getString("store.user", ""),
                settings.getString("store.password", ""),
                (int) whole("store.pool_size", 1, 1000),
                millis("search.timeout_ms"),
                millis("acquire.timeout_ms"),
                list("carriers.order"),
                millis("plugins.drain_timeout_ms"),
                millis("plugins.start_timeout_ms"),
                millis("plugins.stop_timeout_ms"),
                whole("plugins.max_zip_bytes", 1, Long.MAX_VALUE),
                (int) whole("plugins.max_zip_entries", 1, Integer.MAX_VALUE),
                whole("plugins.max_unpacked_bytes", 1, Long.MAX_VALUE),
                (int) whole("plugins.max_zip_ratio", 1, Integer.MAX_VALUE),
                millis("plugins.rescan_ms"),
                millis("plugins.stable_ms"),
                millis("registry.claim_lifetime_ms"),
                (int) whole("import.max_numbers", 1, Integer.MAX_VALUE),
                millis("search.offer_ttl_ms"),
                millis("search.state_ttl_ms"),
                cluster(),
                carrierSections());
    }

    private HttpSettings http() {
        Optional<TlsSettings> tls = optional("http.tls.keystore").map(keystore -> new TlsSettings(path("http.tls.keystore"),
                settings.getString("http.tls.keystore_password", ""), text("http.tls.keystore_type")));
        return new HttpSettings((int) whole("http.port", 0, 65535), text("http.bind"), (int) whole("http.threads", 1, 1000),
                whole("http.max_body_bytes", 1024, Long.MAX_VALUE), (int) whole("http.max_header_bytes", 1024, 1 << 20),
                millis("http.idle_timeout_ms"), millis("http.read_timeout_ms"), whole("http.min_body_rate", 0, Long.MAX_VALUE),
                millis("http.drain_timeout_ms"), bool("http.access_log"), tls);
    }

    private boolean bool(String key) {
        String value = settings.getString(key, "").strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidSettingException(key, "must be true or false, got '" + value + "' (" + source(key) + ")");
        }
        return value.equals("true");
    }

    /** Carrier {@code id}'s section with secrets masked, for display. */
    public static Map<String, String> masked(CarrierConfig config) {
        Map<String, String> shown = new TreeMap<>();
        config.values().forEach((k, v) -> shown.put(k, isSecret(k) ? MASK : v));
        return shown;
    }

    /** Whether a key names a secret, whose value is never shown. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
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

    private Map<String, String> tokens() {
        Map<String, String> tokens = new TreeMap<>();
        for (Iterator<String> keys = settings.getKeys("auth.token"); keys.hasNext(); ) {
            String key = keys.next();
            String name = key.substring("auth.token.".length());
            String value = settings.getString(key, "");
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new InvalidSettingException(key, "token names are letters, digits, '.', '_' and '-'");
            }
            if (name.equals("admin")) {
                throw new InvalidSettingException(key, "'admin' is the name of admin.token; choose another name");
            }
            if (!value.matches("(viewer|operator):.{16,}")) {
                throw new InvalidSettingException(key, "expected <role>:<secret> with role viewer or operator and a secret "
                        + "of at least 16 characters");
            }
            tokens.put(name, value);
        }
        return tokens;
    }

    /** Every key a layer set is a host key, an optional one, or under a free-form prefix; else the start stops. */
    private void checkKnownKeys() {
        for (Iterator<String> keys = settings.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known(key)) {
                throw new InvalidSettingException(key, "unknown setting (" + source(key) + ")" + suggestion(key));
            }
        }
    }

    /** Every host key, those with a default and the optional ones, sorted. */
    static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(DEFAULTS.keySet());
        keys.addAll(OPTIONAL);
        java.util.Collections.sort(keys);
        return keys;
    }

    private static boolean known(String key) {
        return DEFAULTS.containsKey(key) || OPTIONAL.contains(key) || FREE_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** "; did you mean K?" for the known key closest to {@code key}, when one is close. */
    static String suggestion(String key) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : knownKeys()) {
            int d = candidate.startsWith(key) || key.startsWith(candidate) ? 1 : distance.apply(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(3, key.length() / 4) ? "; did you mean " + best + "?" : "";
    }

    private String text(String key) {
        String value = settings.getString(key, "").strip();
        if (value.isEmpty()) {
            throw new InvalidSettingException(key, "must not be empty");
        }
        return value;
    }

    private Optional<String> adminToken() {
        Optional<String> token = optional("admin.token");
        if (token.isPresent() && token.get().length() < 16) {
            throw new InvalidSettingException("admin.token", "the admin token must have at least 16 characters, as named tokens do");
        }
        return token;
    }

    private ClusterSettings cluster() {
        Optional<String> nodeId = optional("cluster.node_id");
        if (nodeId.isPresent() && !nodeId.get().matches(ClusterSettings.NODE_ID)) {
            throw new InvalidSettingException("cluster.node_id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-', got '"
                    + nodeId.get() + "' (" + source("cluster.node_id") + ")");
        }
        return new ClusterSettings(nodeId, millis("cluster.heartbeat_ms"), millis("cluster.check_ms"), millis("cluster.down_after_ms"));
    }

    private Optional<String> optional(String key) {
        return Optional.ofNullable(settings.getString(key, null)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private long whole(String key, long min, long max) {
        String value = settings.getString(key, "").strip();
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new InvalidSettingException(key, "must be from " + min + " to " + max + ", got " + n
                        + " (" + source(key) + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a whole number, got '" + value + "' (" + source(key) + ")");
        }
    }

    private Duration millis(String key) {
        return Duration.ofMillis(whole(key, 1, 24L * 3600 * 1000));
    }

    private List<String> list(String key) {
        List<String> items = new ArrayList<>();
        Arrays.stream(settings.getString(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    private Path path(String key) {
        Path value = Path.of(text(key));
        return value.isAbsolute() || !fromFile.contains(key) ? value : baseDir.resolve(value);
    }

    private String source(String key) {
        return "set as " + key + " or " + EnvironmentKeys.variableOf(key);
    }
}
