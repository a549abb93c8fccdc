package org.carrierhost.host.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.carrierhost.host.config.Setting.Secrecy;
import org.carrierhost.host.config.SettingType.Choice;
import org.carrierhost.host.config.SettingType.FilePath;
import org.carrierhost.host.config.SettingType.Flag;
import org.carrierhost.host.config.SettingType.Int;
import org.carrierhost.host.config.SettingType.Items;
import org.carrierhost.host.config.SettingType.Millis;
import org.carrierhost.host.config.SettingType.RoleToken;
import org.carrierhost.host.config.SettingType.Text;
import org.carrierhost.host.config.SettingType.Whole;

/**
 * The one table of every host setting. Parsing and validation, unknown-key detection and its "did you
 * mean", masking of secrets, {@code --help}, the environment variables and the settings
 * reference in docs/operating.md (checked by a test) all follow from it.
 *
 * <p>To add a setting, declare it here in one line, for example
 * {@code public static final Setting<Integer> HTTP_MAX_STREAMS = integer("http.max_streams", 100, 1, 10_000, "streams at once");},
 * then read it with {@code values.get(Settings.HTTP_MAX_STREAMS)} in the {@code from} of its part's settings record
 * and add its row to the settings table of docs/operating.md.
 *
 * <p>Thread-safe: the table is built once, when the class initialises, and never changes.
 */
public final class Settings {

    /** The longest duration any {@code _ms} setting takes: one day. */
    private static final long DAY_MS = 24L * 3600 * 1000;
    private static final List<Setting<?>> ALL = new ArrayList<>();

    // http.*: the HTTP server
    public static final Setting<Integer> HTTP_PORT = integer("http.port", 8080, 0, 65535, "where the API listens; 0 picks a free port");
    public static final Setting<String> HTTP_BIND = text("http.bind", "127.0.0.1", "the address the API listens on");
    public static final Setting<Integer> HTTP_THREADS = integer("http.threads", 32, 1, 1000, "requests served at once");
    public static final Setting<Long> HTTP_MAX_BODY_BYTES = whole("http.max_body_bytes", 32L << 20, 1024, Long.MAX_VALUE,
            "the largest stock import or check body; other JSON bodies 64 KiB, a zip plugins.max_zip_bytes");
    public static final Setting<Integer> HTTP_MAX_HEADER_BYTES = integer("http.max_header_bytes", 8192, 1024, 1 << 20,
            "the request line and headers together; larger is answered 431");
    public static final Setting<Duration> HTTP_IDLE_TIMEOUT = millis("http.idle_timeout_ms", 30_000,
            "a connection that sends nothing for this long is closed");
    public static final Setting<Duration> HTTP_READ_TIMEOUT = millis("http.read_timeout_ms", 10_000,
            "a request's headers must have arrived within this");
    public static final Setting<Long> HTTP_MIN_BODY_RATE = whole("http.min_body_rate", 1024, 0, Long.MAX_VALUE,
            "bytes per second a request body must at least arrive at; slower is answered 408");
    public static final Setting<Duration> HTTP_REQUEST_TIMEOUT = millis("http.request_timeout_ms", 30_000,
            "a whole request, headers and body, must have arrived within this; later is answered 408");
    public static final Setting<Integer> HTTP_MAX_CONNECTIONS_PER_ADDRESS = integer("http.max_connections_per_address", 256,
            1, 1_000_000, "connections open at once from one client address; more are closed on arrival");
    public static final Setting<Integer> HTTP_MAX_REQUESTS_PER_TOKEN = integer("http.max_requests_per_token", 64, 1, 10_000,
            "requests of one operator or admin token in flight at once, bodies arriving included; more are answered 429");
    public static final Setting<Integer> HTTP_MAX_REQUESTS_PER_VIEWER = integer("http.max_requests_per_viewer", 16, 1, 10_000,
            "requests of one viewer token in flight at once, bodies arriving included; more are answered 429");
    public static final Setting<Integer> HTTP_MAX_STREAMS_PER_TOKEN = integer("http.max_streams_per_token", 16, 1, 10_000,
            "event streams one operator or admin token may hold open at once; more are answered 429");
    public static final Setting<Integer> HTTP_MAX_STREAMS_PER_VIEWER = integer("http.max_streams_per_viewer", 4, 1, 10_000,
            "event streams one viewer token may hold open at once; more are answered 429");
    public static final Setting<Long> HTTP_STREAM_MEMORY_BYTES = whole("http.stream_memory_bytes", 32L << 20, 1024, Long.MAX_VALUE,
            "unsent event frames of all streams together; past it, a stream that is behind is cut");
    public static final Setting<Long> HTTP_STREAM_CLIENT_BYTES = whole("http.stream_client_bytes", 1L << 20, 1024, Long.MAX_VALUE,
            "unsent event frames of one stream; a stream further behind is cut with a comment, to resume with Last-Event-ID");
    public static final Setting<Integer> HTTP_SEND_BUFFER_BYTES = integer("http.send_buffer_bytes", 65_536, 4096, 1 << 26,
            "each connection's socket send buffer, so kernel memory held for readers that do not read is bounded");
    public static final Setting<Duration> HTTP_DRAIN_TIMEOUT = millis("http.drain_timeout_ms", 3000,
            "how long requests in flight may finish on stop");
    public static final Setting<Boolean> HTTP_ACCESS_LOG = flag("http.access_log", false,
            "log one line per request (method, route, status, actor, duration, request id)");
    public static final Setting<Path> HTTP_TLS_KEYSTORE = declare("http.tls.keystore", new FilePath(), null, Secrecy.PLAIN,
            "serve HTTPS with the key and certificate in this keystore");
    public static final Setting<String> HTTP_TLS_KEYSTORE_PASSWORD = declare("http.tls.keystore_password", new Text(0), null,
            Secrecy.SECRET, "the keystore's password");
    public static final Setting<String> HTTP_TLS_KEYSTORE_TYPE = declare("http.tls.keystore_type", Choice.of("PKCS12", "JKS"),
            "PKCS12", Secrecy.PLAIN, "the keystore's format");
    public static final Setting<String> HTTP_TLS_KEY_ALIAS = declare("http.tls.key_alias", new Text(1), null, Secrecy.PLAIN,
            "which of the keystore's keys to serve; unset, its only key");

    // admin.token, auth.token.*: who may call the API
    public static final Setting<String> ADMIN_TOKEN = declare("admin.token", new Text(16), null, Secrecy.SECRET,
            "the admin operator's bearer token; unset, one is generated into <data.dir>/admin.token");
    public static final Setting<String> AUTH_TOKEN = declare("auth.token.<name>", new RoleToken(List.of("viewer", "operator"), 16),
            null, Secrecy.SECRET, "a further token: a viewer may read, an operator may also change carriers and numbers");

    // plugins.*, data.dir: the drop-in directory, the plugin lifecycle and where data lives
    public static final Setting<Path> PLUGINS_DIR = path("plugins.dir", "plugins-dir",
            "the drop-in directory of carrier-*.zip plugins, watched while the host runs");
    public static final Setting<Path> DATA_DIR = path("data.dir", "data",
            "the registry (embedded H2), the generated admin token and the plugins' working copies");
    public static final Setting<Duration> PLUGINS_START_TIMEOUT = millis("plugins.start_timeout_ms", 10_000,
            "how long a plugin's start may take");
    public static final Setting<Duration> PLUGINS_STOP_TIMEOUT = millis("plugins.stop_timeout_ms", 5000,
            "how long a plugin's stop may take");
    public static final Setting<Duration> PLUGINS_DRAIN_TIMEOUT = millis("plugins.drain_timeout_ms", 10_000,
            "how long calls in flight may finish before a carrier is unloaded");
    public static final Setting<Long> PLUGINS_MAX_ZIP_BYTES = whole("plugins.max_zip_bytes", 50L << 20, 1, Long.MAX_VALUE,
            "the largest plugin zip");
    public static final Setting<Integer> PLUGINS_MAX_ZIP_ENTRIES = integer("plugins.max_zip_entries", 10_000, 1,
            Integer.MAX_VALUE, "the most entries a plugin zip may have");
    public static final Setting<Long> PLUGINS_MAX_UNPACKED_BYTES = whole("plugins.max_unpacked_bytes", 200L << 20, 1,
            Long.MAX_VALUE, "the most bytes a plugin zip may unpack to");
    public static final Setting<Integer> PLUGINS_MAX_ZIP_RATIO = integer("plugins.max_zip_ratio", 200, 1, Integer.MAX_VALUE,
            "the most an entry may unpack to per byte it takes in the zip, against zip bombs");
    public static final Setting<String> PLUGINS_ISOLATION = declare("plugins.isolation", Choice.of("process", "in_process"),
            "process", Secrecy.PLAIN, "how every carrier runs unless its carrier.<id>.isolation says otherwise: process, in a "
                    + "JVM of its own, which the host starts, restarts and quarantines; in_process, in the host's own JVM, "
                    + "fastest, for carriers the operator trusts");
    public static final Setting<Duration> PLUGINS_RESCAN = millis("plugins.rescan_ms", 1000,
            "how often the drop-in directory is listed as a safety net besides its file events");
    public static final Setting<Duration> PLUGINS_STABLE = millis("plugins.stable_ms", 300,
            "how long a dropped zip must stay unchanged (size, time, inode) before it is loaded");
    // plugins.trust.*: who may sign a carrier's zip (local to each host, never in the shared database)
    public static final Setting<String> TRUST_MODE = declare("plugins.trust.mode", Choice.of("off", "warn", "enforce"), "warn",
            Secrecy.PLAIN, "off: signatures are not read; warn: each zip's signature is checked and shown, none refused; enforce: only trusted zips load");
    public static final Setting<Path> TRUST_KEYRING = declare("plugins.trust.keyring", new FilePath(), null, Secrecy.PLAIN,
            "an armored OpenPGP public keyring holding the signers' keys");
    public static final Setting<String> TRUST_SIGNER_FINGERPRINT = declare("plugins.trust.signer.<name>.fingerprint", new Text(40),
            null, Secrecy.PLAIN, "a trusted signer's full key fingerprint (hex; spaces allowed)");
    public static final Setting<String> TRUST_SIGNER_CARRIERS = declare("plugins.trust.signer.<name>.carriers", new Text(1), null,
            Secrecy.PLAIN, "the carrier ids the signer may sign, a pattern such as acme* (* is any characters)");
    public static final Setting<List<String>> TRUST_REVOKED_FINGERPRINTS = declare("plugins.trust.revoked_fingerprints", new Items(),
            "", Secrecy.PLAIN, "key fingerprints whose signatures are refused, comma-separated");
    public static final Setting<List<String>> TRUST_REVOKED_SHA256 = declare("plugins.trust.revoked_sha256", new Items(), "",
            Secrecy.PLAIN, "SHA-256 hashes of zips that are refused, comma-separated");
    public static final Setting<String> TRUST_MIN_VERSION = declare("plugins.trust.min_version.<id>", new Text(1), null,
            Secrecy.PLAIN, "the lowest version of carrier <id> that may load, against downgrades");
    public static final Setting<String> TRUST_ON_REVOCATION = declare("plugins.trust.on_revocation", Choice.of("warn", "disable"),
            "warn", Secrecy.PLAIN, "what a running carrier whose signer or zip becomes revoked, expired or untrusted gets when the policy is read again (every plugins.rescan_ms): warn: shown and told; disable: disabled");
    public static final Setting<Duration> TRUST_PAIR_WAIT = millis("plugins.trust.pair_ms", 2000,
            "under enforce, how long a dropped zip waits for its x.zip.asc before it is judged");
    // plugins.selftest.*: a version's self-test, on demand and before it takes traffic
    public static final Setting<Duration> SELFTEST_TIMEOUT = millis("plugins.selftest.timeout_ms", 10_000,
            "how long a self-test may take; one still running then is interrupted and answered inconclusive");
    public static final Setting<Boolean> SELFTEST_BEFORE_SERVING = flag("plugins.selftest.before_serving", false,
            "whether a new version of a carrier is self-tested before it takes traffic: a reload or an upgrade that fails is refused and the old one serves on; a first install that fails is loaded but not routed (PROBING) and retried with backoff");
    public static final Setting<String> SELFTEST_ON_INCONCLUSIVE = declare("plugins.selftest.on_inconclusive",
            Choice.of("refuse", "keep"), "refuse", Secrecy.PLAIN,
            "before serving, a new version whose self-test is inconclusive is refused (refuse: the old one serves on) or kept (keep: it serves, as if it had passed)");
    public static final Setting<Integer> SELFTEST_BUDGET = integer("plugins.selftest.budget", 3, 1, 100,
            "how many searches a self-test may make");
    public static final Setting<Duration> SELFTEST_RETRY = millis("plugins.selftest.retry_ms", 5000,
            "how long a first install whose self-test did not pass (PROBING) waits before its first retry; each retry that fails doubles the wait");
    public static final Setting<Duration> SELFTEST_RETRY_MAX = millis("plugins.selftest.retry_max_ms", 300_000,
            "the longest wait between two retries of a PROBING carrier's self-test");

    // store.*: the registry's database
    public static final Setting<String> STORE_JDBC_URL = declare("store.jdbc_url", new Text(1), null, Secrecy.PLAIN,
            "any JDBC URL, for example PostgreSQL shared between hosts; unset, H2 in data.dir");
    public static final Setting<String> STORE_USER = declare("store.user", new Text(0), "sa", Secrecy.PLAIN,
            "the database account");
    public static final Setting<String> STORE_PASSWORD = declare("store.password", new Text(0), "", Secrecy.SECRET,
            "the database account's password");
    public static final Setting<Duration> STORE_STATEMENT_TIMEOUT = millis("store.statement_timeout_ms", 5000,
            "every registry query must answer within this; a slower one is cancelled and answered 503 naming the database (an import on PostgreSQL gets this per 10,000 numbers)");
    public static final Setting<Integer> STORE_POOL_SIZE = integer("store.pool_size", 16, 1, 1000,
            "the most database connections open at once (requests beyond it wait for one)");

    // search.*, carriers.order: searches
    public static final Setting<Duration> SEARCH_TIMEOUT = millis("search.timeout_ms", 5000, "one deadline for all carriers of a search");
    public static final Setting<List<String>> CARRIERS_ORDER = declare("carriers.order", new Items(), "", Secrecy.PLAIN,
            "which carrier wins when several offer one number, first first");
    public static final Setting<Duration> SEARCH_OFFER_TTL = millis("search.offer_ttl_ms", 900_000,
            "how long a search's offers are remembered, in memory, so an acquire goes to the carrier that offered the number");
    public static final Setting<Duration> SEARCH_STATE_TTL = millis("search.state_ttl_ms", 5000,
            "how long a search trusts what it read of an offered number's state before reading the registry again");

    // acquire.*, registry.*, import.*: numbers
    public static final Setting<Duration> ACQUIRE_TIMEOUT = millis("acquire.timeout_ms", 60_000,
            "the deadline of one acquire or disconnect at a carrier");
    public static final Setting<Duration> REGISTRY_CLAIM_LIFETIME = millis("registry.claim_lifetime_ms", 600_000,
            "when an unfinished acquire's claim on a number may be taken over");
    public static final Setting<Integer> IMPORT_MAX_NUMBERS = integer("import.max_numbers", 1_000_000, 1, Integer.MAX_VALUE,
            "the most numbers one stock import may list");
    // numbers.*: a number's life after its acquire: aging, holds and the reaper that ends both
    public static final Setting<Long> NUMBERS_AGING_MS = whole("numbers.aging_ms", 0, 0, 3650 * DAY_MS,
            "how long a disconnected number waits in aging before it is free again (KAZOO's default is 90 days); 0 is off");
    public static final Setting<Duration> NUMBERS_REAPER = millis("numbers.reaper_ms", 1000,
            "how often each host ends aging that is over and holds that expired");
    public static final Setting<Integer> NUMBERS_HOLD_MAX_TTL = integer("numbers.hold_max_ttl_s", 14_400, 1, 7 * 86_400,
            "the longest hold a POST /api/holds may ask for; a longer ttl_s is cut to it");
    public static final Setting<Integer> NUMBERS_HOLD_MARGIN = integer("numbers.hold_margin_s", 30, 0, 3600,
            "a carrier-held number's hold ends this long before the carrier's own expiry");
    public static final Setting<Duration> NUMBERS_HOLD_LEASE = millis("numbers.hold_lease_ms", 60_000,
            "how long a host's reaper may take to release an expired hold before another host may take it over");

    // metrics.*: GET /metrics
    public static final Setting<Boolean> METRICS_PUBLIC = flag("metrics.public", false,
            "GET /metrics (Prometheus text) answers without a token; otherwise it needs a viewer token");
    // cluster.*: the hosts sharing one database
    public static final Setting<String> CLUSTER_NODE_ID = declare("cluster.node_id", new Text(1), null, Secrecy.PLAIN,
            "this host's name among the hosts sharing its database (letters, digits, '.', '_', ':', '-'); unset, the host name and HTTP port");
    public static final Setting<Duration> CLUSTER_HEARTBEAT = millis("cluster.heartbeat_ms", 1000,
            "how often the host records its heartbeat and its carriers' versions and states");
    public static final Setting<Duration> CLUSTER_CHECK = millis("cluster.check_ms", 2000,
            "how often it checks for carrier changes made on other hosts, besides PostgreSQL's notifications");
    public static final Setting<Duration> CLUSTER_DOWN_AFTER = millis("cluster.down_after_ms", 5000,
            "a node whose heartbeat is older than this is shown down");
    public static final Setting<Duration> CLUSTER_FORGET_AFTER = declare("cluster.forget_after_ms", new Millis(1, 30 * DAY_MS),
            Long.toString(DAY_MS), Secrecy.PLAIN, "a node down for longer than this is removed from the cluster view (at most 30 days)");

    // carrier.<id>.*: each carrier's breaker and bulkhead, then its own keys
    public static final Setting<Integer> BREAKER_FAILURE_RATE = integer("carrier.<id>.breaker.failure_rate", 50, 1, 100,
            "the percentage of the carrier's last calls that, failed or late, opens its circuit");
    public static final Setting<Integer> BREAKER_WINDOW = integer("carrier.<id>.breaker.window", 10, 1, 10_000,
            "how many of the carrier's latest calls the breaker judges");
    public static final Setting<Integer> BREAKER_MINIMUM_CALLS = integer("carrier.<id>.breaker.minimum_calls", 5, 1, 10_000,
            "how many calls the breaker needs before it judges");
    public static final Setting<Duration> BREAKER_OPEN = millis("carrier.<id>.breaker.open_ms", 10_000,
            "how long the circuit stays open before it lets probe calls through");
    public static final Setting<Integer> BREAKER_HALF_OPEN_CALLS = integer("carrier.<id>.breaker.half_open_calls", 2, 1, 1000,
            "how many probe calls a half-open circuit lets through");
    public static final Setting<Integer> BULKHEAD_MAX_CALLS = integer("carrier.<id>.bulkhead.max_calls", 32, 1, 10_000,
            "the most calls of one carrier running at once; a carrier that hangs holds at most this many threads");
    public static final Setting<Boolean> CARRIER_MANDATORY = flag("carrier.<id>.mandatory", false,
            "true: the host is not ready while this carrier is not ready, not configured included");
    public static final Setting<String> ISOLATION = declare("carrier.<id>.isolation", Choice.of("process", "in_process"),
            null, Secrecy.PLAIN, "how this carrier runs, over plugins.isolation: process, in a JVM of its own; "
                    + "in_process, in the host's own JVM; unset, as plugins.isolation says");
    public static final Setting<Integer> ISOLATION_MAX_HEAP = integer("carrier.<id>.isolation.max_heap_mb", 256, 16, 65_536,
            "the heap of an isolated carrier's process (-Xmx), in MiB");
    public static final Setting<Integer> ISOLATION_CPUS = integer("carrier.<id>.isolation.cpus", 0, 0, 4096,
            "the processors an isolated carrier's process sees (-XX:ActiveProcessorCount) and, on Linux with taskset, "
                    + "runs on; 0: all of the host's");
    public static final Setting<Integer> ISOLATION_MAX_THREADS = integer("carrier.<id>.isolation.max_threads", 0, 0, 1_000_000,
            "the most threads an isolated carrier's process may have; past it the process ends itself (exit 86), "
                    + "and counts as a crash; 0: no limit");
    public static final Setting<Integer> ISOLATION_CRASH_LIMIT = integer("carrier.<id>.isolation.crash_limit", 3, 1, 1000,
            "this many ends of an isolated carrier's process within the crash window quarantine the carrier");
    public static final Setting<Duration> ISOLATION_CRASH_WINDOW = millis("carrier.<id>.isolation.crash_window_ms", 60_000,
            "the window in which an isolated carrier's crashes are counted");
    public static final Setting<Duration> ISOLATION_RESTART_BACKOFF = millis("carrier.<id>.isolation.restart_backoff_ms", 200,
            "the wait before an ended process is started again, doubled for each crash in the window");
    public static final Setting<Duration> ISOLATION_HEARTBEAT = millis("carrier.<id>.isolation.heartbeat_ms", 2000,
            "how often the host asks an isolated carrier's process if it is alive; one that does not answer within this is killed, and counts as a crash");
    public static final Setting<String> ROLLOUT = declare("carrier.<id>.rollout", Choice.of("swap", "canary"), "swap",
            Secrecy.PLAIN, "swap: a new version takes all the traffic at once; canary: it serves beside the old one and "
                    + "takes a growing share in steps, each judged against the old one, rolled back when worse");
    public static final Setting<List<String>> ROLLOUT_STEPS = declare("carrier.<id>.rollout.steps", new Items(), "5,25,50,100",
            Secrecy.PLAIN, "a canary's share of the searches at each step, in percent, rising");
    public static final Setting<Duration> ROLLOUT_INTERVAL = millis("carrier.<id>.rollout.interval_ms", 60_000,
            "how long each step of a canary lasts; its calls and the old version's in that window are judged at its end");
    public static final Setting<Integer> ROLLOUT_MIN_CALLS = integer("carrier.<id>.rollout.min_calls", 50, 1, 1_000_000,
            "fewer canary calls in a window is inconclusive: the step holds, and is never promoted on it");
    public static final Setting<Integer> ROLLOUT_ACQUIRE_FROM = integer("carrier.<id>.rollout.acquire_from", 3, 1, 100,
            "the step (from 1) from which acquires and disconnects reach a canary too; searches go first");
    public static final Setting<Integer> ROLLOUT_MAX_ERROR_INCREASE = integer("carrier.<id>.rollout.max_error_increase", 5,
            0, 100, "the most a canary's error rate in a window may exceed the old version's, in percentage points");
    public static final Setting<Integer> ROLLOUT_MAX_TIMEOUT_INCREASE = integer("carrier.<id>.rollout.max_timeout_increase",
            5, 0, 100, "the most a canary's timeout rate in a window may exceed the old version's, in percentage points");
    public static final Setting<Integer> ROLLOUT_MAX_P99_RATIO = integer("carrier.<id>.rollout.max_p99_ratio", 200, 100,
            100_000, "the most a canary's p99 latency in a window may be, in percent of the old version's");
    public static final Setting<Duration> ROLLOUT_P99_FLOOR = millis("carrier.<id>.rollout.p99_floor_ms", 50,
            "a canary whose p99 latency is under this is never judged slow");
    public static final Setting<Integer> ROLLOUT_MIN_YIELD = integer("carrier.<id>.rollout.min_yield", 50, 0, 100,
            "the least a canary's numbers returned per number asked may be, in percent of the old version's");
    public static final Setting<Duration> SELFTEST_INTERVAL = declare("carrier.<id>.selftest.interval_ms", new Millis(0, DAY_MS),
            "0", Secrecy.PLAIN, "how often the version that serves is self-tested (purpose periodic); 0: never");
    public static final Setting<String> CARRIER_KEY = declare("carrier.<id>.<key>", new Text(0), null, Secrecy.BY_NAME,
            "the carrier's own settings, for example carrier.mock.latency_ms; secret when the key names a password, "
                    + "secret, token, key or credential");

    private static final List<Setting<?>> TABLE = List.copyOf(ALL);
    /** The patterns, those ending in a placeholder that takes any rest last, so the specific ones match first. */
    private static final List<Setting<?>> PATTERNS = TABLE.stream().filter(Setting::isPattern)
            .sorted(Comparator.comparing(Setting::isOpenEnded)).toList();

    private Settings() {
    }

    /** Every setting, in the order of this table. */
    public static List<Setting<?>> all() {
        return TABLE;
    }

    /** The settings whose keys are patterns, those ending in a placeholder that takes any rest last. */
    static List<Setting<?>> patterns() {
        return PATTERNS;
    }

    /**
     * The setting {@code key} is, or is one of. A key one segment away from a specific pattern's belongs to
     * the host, not to an open-ended pattern: {@code carrier.x.breaker.windw} is no setting at all.
     */
    public static Optional<Setting<?>> find(String key) {
        for (Setting<?> setting : TABLE) {
            if (!setting.isPattern() && setting.key().equals(key)) {
                return Optional.of(setting);
            }
        }
        for (Setting<?> setting : PATTERNS) {
            if (setting.isOpenEnded() && PATTERNS.stream().anyMatch(p -> p.sharesNamespace(key))) {
                return Optional.empty();
            }
            if (setting.matches(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code key}'s value is a secret; an unknown key's is when its name says so. */
    public static boolean isSecret(String key) {
        return find(key).orElse(CARRIER_KEY).isSecret(key);
    }

    /** {@code value}, or the mask when {@code key}'s value is a secret. */
    public static String shown(String key, String value) {
        return isSecret(key) ? Setting.MASK : value;
    }

    /** The known key closest to {@code key}, when one is close: the suggestion for a typo. */
    public static Optional<String> closest(String key) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting<?> setting : TABLE) {
            if (setting.isPattern() && setting.isOpenEnded()) {
                continue;
            }
            String candidate = setting.likeKey(key);
            int d = candidate.startsWith(key) || key.startsWith(candidate) ? 1 : distance.apply(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(3, key.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    private static <T> Setting<T> declare(String key, SettingType<T> type, String defaultText, Secrecy secrecy, String doc) {
        Setting<T> setting = new Setting<>(key, type, Optional.ofNullable(defaultText), secrecy, doc);
        setting.defaultValue(); // a default out of its own bounds fails the class, and every test with it
        ALL.add(setting);
        return setting;
    }

    private static Setting<Integer> integer(String key, int defaultValue, int min, int max, String doc) {
        return declare(key, new Int(min, max), Integer.toString(defaultValue), Secrecy.PLAIN, doc);
    }

    private static Setting<Long> whole(String key, long defaultValue, long min, long max, String doc) {
        return declare(key, new Whole(min, max), Long.toString(defaultValue), Secrecy.PLAIN, doc);
    }

    private static Setting<Duration> millis(String key, long defaultValue, String doc) {
        return declare(key, new Millis(1, DAY_MS), Long.toString(defaultValue), Secrecy.PLAIN, doc);
    }

    private static Setting<Boolean> flag(String key, boolean defaultValue, String doc) {
        return declare(key, new Flag(), Boolean.toString(defaultValue), Secrecy.PLAIN, doc);
    }

    private static Setting<String> text(String key, String defaultValue, String doc) {
        return declare(key, new Text(1), defaultValue, Secrecy.PLAIN, doc);
    }

    private static Setting<Path> path(String key, String defaultValue, String doc) {
        return declare(key, new FilePath(), defaultValue, Secrecy.PLAIN, doc);
    }
}
