package org.carrierhost.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.host.cluster.ClusterSync;
import org.carrierhost.host.cluster.NodeIdentity;
import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.config.HostSettings;
import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.config.Settings;
import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.config.ZipLimitSettings;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.events.AuditLog;
import org.carrierhost.host.events.EventLog;
import org.carrierhost.host.events.HostEventListener;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.JdbcEventLog;
import org.carrierhost.host.events.NumberAction;
import org.carrierhost.host.events.NumberEvent;
import org.carrierhost.host.events.RecentCalls;
import org.carrierhost.host.http.AccessTokens;
import org.carrierhost.host.http.ApiServer;
import org.carrierhost.host.http.CarrierLifecycleRoutes;
import org.carrierhost.host.http.CarrierRoutes;
import org.carrierhost.host.http.RolloutRoutes;
import org.carrierhost.host.http.SelfTestRoutes;
import org.carrierhost.host.http.CarrierSettingsRoutes;
import org.carrierhost.host.http.ClusterRoutes;
import org.carrierhost.host.http.ConsoleRoutes;
import org.carrierhost.host.http.EventRoutes;
import org.carrierhost.host.http.EventStream;
import org.carrierhost.host.http.HealthRoutes;
import org.carrierhost.host.http.IdentityRoutes;
import org.carrierhost.host.http.JsonMapper;
import org.carrierhost.host.http.NumberRoutes;
import org.carrierhost.host.http.OpenApiRoutes;
import org.carrierhost.host.http.Route;
import org.carrierhost.host.manager.CarrierManager;
import org.carrierhost.host.holds.HoldLeases;
import org.carrierhost.host.holds.HoldSettings;
import org.carrierhost.host.holds.HoldStore;
import org.carrierhost.host.holds.Holds;
import org.carrierhost.host.http.HoldRoutes;
import org.carrierhost.host.http.ReconcileRoutes;
import org.carrierhost.host.reconcile.Reconciler;
import org.carrierhost.host.manager.ManagerSettings;
import org.carrierhost.host.metrics.NumberLifeMeters;
import org.carrierhost.host.manager.NumberAging;
import org.carrierhost.host.manager.NumberReaper;
import org.carrierhost.host.metrics.HostMetrics;
import org.carrierhost.host.metrics.MetricsRoute;
import org.carrierhost.host.numbers.NumberDesk;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.call.BreakerSettings;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.lifecycle.CarrierLifecycle;
import org.carrierhost.host.plugins.lifecycle.Rollouts;
import org.carrierhost.host.plugins.lifecycle.SelfTests;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.DropInFeed;
import org.carrierhost.host.plugins.lifecycle.JdbcCarrierStateStore;
import org.carrierhost.host.plugins.load.ArchiveLimits;
import org.carrierhost.host.plugins.load.CrashJournal;
import org.carrierhost.host.plugins.isolation.IsolatingLoader;
import org.carrierhost.host.plugins.load.GenerationLoader;
import org.carrierhost.host.plugins.source.DropInDirectory;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.source.PluginDirectoryWatcher;
import org.carrierhost.host.plugins.trust.ZipVerifier;
import org.carrierhost.host.registry.ClaimRecovery;
import org.carrierhost.host.registry.CachedStock;
import org.carrierhost.host.registry.JdbcNumberRegistry;
import org.carrierhost.host.registry.NumberRegistry;
import org.carrierhost.host.registry.TornChangeRepair;
import org.carrierhost.host.store.CarrierSettingsStore;
import org.carrierhost.host.store.Database;
import org.carrierhost.host.store.OpeningDatabase;
import org.carrierhost.host.store.RunMarker;
import org.carrierhost.host.store.SecretBox;

/**
 * A running Carrier Host: the database, the number registry, the loaded carriers, the carrier manager and
 * the HTTP API, wired together. This is the embedding API: set one up with {@link #builder()} (HTTP off
 * unless asked for), or build {@link HostSettings} (for example with
 * {@link org.carrierhost.host.config.HostConfiguration}) and {@link #start} it (HTTP on); use
 * {@link #manager()}, and {@link #close()} it, which ends every thread of the host's and releases every
 * plugin class loader.
 *
 * <p>Thread-safe: the parts are; {@link #close()} may be called once from any thread.
 */
public final class CarrierHost implements AutoCloseable {

    /** How often the event stream sends a comment, so idle connections stay open. */
    private static final java.time.Duration EVENT_HEARTBEAT = java.time.Duration.ofSeconds(15);

    private final HostSettings settings;
    private final boolean http;
    private final Optional<MeterRegistry> meterRegistry;
    /** What the console's recent minutes count as now: the system's, or a test's that moves on without waiting. */
    private final Clock recentCallsClock;
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    /** This process's id on the claims it takes; claims of other ids are released at start. */
    private final String instanceId = java.util.UUID.randomUUID().toString();
    private Database database;
    private NumberRegistry registry;
    private final HostEvents hostEvents = new HostEvents();
    private AuditLog auditLog;
    private CarrierTable carriers;
    private CarrierLifecycle lifecycle;
    private SelfTests selfTests;
    private Rollouts rollouts;
    private CarrierManager manager;
    private ApiServer server;
    /** Where this start spent its time; confined to the starting thread until {@link #open} returns. */
    private final StartTimeline timeline = StartTimeline.fromNow();
    private HostMetrics metrics;
    private Path adminTokenFile;
    private NodeIdentity node;
    private ClusterSync cluster;
    private CarrierSettingsStore storedSettings;
    /** Each carrier's section from the settings file as its last generation was started with it. */
    private final Map<String, CarrierConfig> fileSections = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where, in the data directory, the zips installed through the API (on any host of the cluster) are kept. */
    static final String INSTALL_DIR = "cluster-plugins";
    /** Where, in the data directory, the zips of drop-in carriers an operator removed are kept. */
    static final String REMOVED_DIR = "removed";

    private CarrierHost(HostSettings settings, boolean http, Optional<MeterRegistry> meterRegistry, Clock recentCallsClock) {
        this.settings = settings;
        this.http = http;
        this.meterRegistry = meterRegistry;
        this.recentCallsClock = recentCallsClock;
    }

    /** A builder for an embedded host, with the HTTP API off unless asked for. */
    public static CarrierHostBuilder builder() {
        return new CarrierHostBuilder();
    }

    /**
     * Opens the registry, loads every plugin zip in the plugins directory, and starts the HTTP API.
     *
     * @throws IllegalStateException when the data directory, database or port cannot be used
     */
    public static CarrierHost start(HostSettings settings) {
        return start(settings, List.of());
    }

    /**
     * As {@link #start(HostSettings)}, with {@code listeners} receiving the host's typed events from the
     * first one on (the loads of start-up included).
     */
    public static CarrierHost start(HostSettings settings, List<HostEventListener> listeners) {
        return start(settings, listeners, true, Optional.empty(), Clock.systemUTC());
    }

    /**
     * As {@link #start(HostSettings, List)}, with the HTTP API on or off, the meter registry to use, and
     * {@code recentCallsClock} telling which minute is the current one in the carriers' recent figures (the system's
     * but in a test that moves to the next minute without waiting for it).
     */
    static CarrierHost start(HostSettings settings, List<HostEventListener> listeners, boolean http,
            Optional<MeterRegistry> meterRegistry, Clock recentCallsClock) {
        CarrierHost host = new CarrierHost(settings, http, meterRegistry, recentCallsClock);
        listeners.forEach(host.hostEvents::addListener);
        try {
            host.open();
            return host;
        } catch (IOException e) {
            host.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    private void open() throws IOException {
        // Read before anything starts, so a wrong breaker key stops the start even in settings built by hand.
        settings.carrierSections().forEach(BreakerSettings::from);
        settings.carrierSections().forEach(NumberAging::policy);
        settings.carrierSections().forEach(Reconciler::every);
        Path dataDir = settings.dataDir().toAbsolutePath();
        StartupChecks.dataDirWritable(dataDir);
        if (http && settings.http().tls().isPresent()) {
            StartupChecks.tls(settings.http().tls().get(), Instant.now())
                    .forEach(org.slf4j.LoggerFactory.getLogger(CarrierHost.class)::warn);
        }
        Files.createDirectories(settings.plugins().dir());
        // Remembered early, so closed late: the meters outlive every part they read.
        metrics = remember(HostMetrics.create(meterRegistry));
        if (http) {
            // The port is taken first, so a port in use stops the start before any plugin loads.
            String adminToken;
            if (settings.access().adminToken().isPresent()) {
                adminToken = settings.access().adminToken().get();
            } else {
                adminToken = AdminToken.readOrCreate(dataDir);
                adminTokenFile = dataDir.resolve(AdminToken.FILE);
            }
            // Not remembered: close() stops it first, so requests drain before the parts they use close.
            server = new ApiServer(AccessTokens.of(adminToken, settings.access().tokens()), settings.http(), JsonMapper.create());
            server.observe(metrics.http()).raiseTo(hostEvents::publish).bind();
        }
        timeline.mark("checks and port");
        // Opened (and migrated) on a thread of its own while the trust keyring is read; only once the port is
        // taken, so a port in use stops the start before the registry is touched.
        DataDirModes.restrict(dataDir);
        // Remembered before the database, so it is removed only once the database closed cleanly.
        RunMarker running = remember(RunMarker.take(dataDir));
        OpeningDatabase opening = remember(OpeningDatabase.begin(() -> Database.open(settings.store().jdbcUrl()
                .orElse(Database.embeddedUrl(dataDir)), settings.store().user(), settings.store().password(),
                settings.store().poolSize(), settings.store().statementTimeout())));
        ZipVerifier trust = trustPolicy(settings); // its keyring read while the database still opens
        timeline.mark("trust keyring");
        database = remember(opening.await());
        timeline.mark("waiting for the database");
        timeline.note("the database opened in " + opening.took().toMillis() + " ms on its own thread, migrations included");
        DataDirModes.restrict(dataDir);
        metrics.watchPool(database.dataSource());
        registry = new CachedStock(new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), settings.numbers().claimLifetime(),
                instanceId), settings.search().stateTtl());
        node = new NodeIdentity(settings.cluster().nodeId().orElseGet(() -> NodeIdentity.defaultNodeId(http ? server.port() : 0)),
                http ? url() : "embedded", Main.version(), Instant.now());
        auditLog = remember(new AuditLog(new JdbcEventLog(database.dataSource(), node.nodeId()), dataDir));
        hostEvents.addListener(auditLog);
        List<String> released = new ClaimRecovery(database.dataSource(), Clock.systemUTC())
                .releaseDeadClaims(ClaimRecovery.onlySelf(instanceId));
        if (!released.isEmpty()) {
            hostEvents.publish(NumberEvent.ok("startup", NumberAction.CLAIMS_RELEASED, released.size()
                    + " numbers whose acquire or disconnect a stopped host left unfinished: "
                    + StandardError.bounded(String.join(", ", released), 150), null, null));
        }
        List<String> repaired = running.uncleanEndBefore() ? new TornChangeRepair(database.dataSource(), Clock.systemUTC()).repair() : List.of();
        if (!repaired.isEmpty()) {
            hostEvents.publish(NumberEvent.ok("startup", NumberAction.HISTORY_REPAIRED, repaired.size()
                    + " numbers whose change the host's end cut off, kept in part by the embedded store: "
                    + StandardError.bounded(String.join(", ", repaired), 150), null, null));
        }
        timeline.mark("registry and recovery");
        carriers = new CarrierTable(id -> BreakerSettings.from(id, settings.carrier(id)), hostEvents);
        hostEvents.addListener(metrics.listener(carriers));
        CarrierCalls calls = new CarrierCalls(carriers, hostEvents);
        CrashJournal journal = new CrashJournal(dataDir);
        // Each is tried in a process of its own before it loads (IsolatingLoader, SuspectTrial).
        journal.recover().forEach(s -> org.slf4j.LoggerFactory.getLogger(CarrierHost.class)
                .warn("the host stopped while calling {} of {}; it is tried in a process of its own before it loads", s.call(), s.id()));
        storedSettings = CarrierSettingsStore.open(database.dataSource(), SecretBox.openOrCreate(dataDir));
        GenerationLoader loader = new GenerationLoader(dataDir.resolve("plugins-work"),
                archiveLimits(settings.plugins().zipLimits()), settings.plugins().startTimeout(), settings.plugins().stopTimeout(),
                (id, local) -> CarrierContext.of(id, sectionForLoad(id), carrierDataDir(dataDir, id),
                        local ? Optional.of(registry) : Optional.empty()), journal);
        loader.clearWorkRoot();
        IsolatingLoader isolating = new IsolatingLoader(loader, dataDir.resolve("plugins-work"), this::sectionForLoad,
                id -> carrierDataDir(dataDir, id), registry, settings.plugins().isolation(), settings.plugins().startTimeout(),
                settings.plugins().stopTimeout(), hostEvents);
        JdbcCarrierStateStore states = new JdbcCarrierStateStore(database.dataSource());
        cluster = new ClusterSync(database.dataSource(), node, settings.cluster(), states, carriers, hostEvents);
        cluster.followSettings(storedSettings);
        DropInDirectory dropIns = new DropInDirectory(settings.plugins().dir(), hostEvents);
        StrayUploads.clean(dataDir.resolve(INSTALL_DIR));
        lifecycle = remember(new CarrierLifecycle(new OperatorFiles(dataDir.resolve(INSTALL_DIR), dataDir.resolve(REMOVED_DIR)),
                isolating, carriers, states, hostEvents, settings.plugins().drainTimeout(), cluster.link(), trust,
                new CarrierInstances(settings, storedSettings)));
        selfTests = remember(lifecycle.selfTests(calls, settings.plugins().selfTest()));
        rollouts = remember(lifecycle.rollouts(this::section, cluster.rollouts()));
        remember(selfTests.periodic(this::section)).start();
        remember(lifecycle.revocations(settings.plugins().trustSource()::now, settings.plugins().rescanInterval())).start();
        isolating.quarantineWith((crashed, why) -> lifecycle.quarantine(crashed.id(), crashed, why));
        DropInFeed feed = new DropInFeed(lifecycle, carriers, dropIns);
        feed.loadAll("startup");
        timeline.mark("carriers loaded and started");
        // Remembered after the lifecycle, so closed before it: no deploy starts while carriers unload.
        remember(new PluginDirectoryWatcher(dropIns, feed, settings.plugins().rescanInterval(),
                settings.plugins().stableWindow(), settings.plugins().stopTimeout().multipliedBy(2).plusSeconds(1),
                settings.plugins().trust().mode() == TrustSettings.Mode.ENFORCE ? settings.plugins().trust().pairWait() : Duration.ZERO)).start();
        remember(cluster).start(lifecycle, settings.store().jdbcUrl(), settings.store().user(), settings.store().password());
        manager = remember(new NumberDesk(carriers, calls, registry, hostEvents,
                new ManagerSettings(settings.search().timeout(), settings.numbers().acquireTimeout(),
                        settings.search().carriersOrder(), settings.numbers().maxImport(), settings.search().offerTtl(),
                        settings.search().stateTtl()),
                new NumberAging(settings.numbers().agingFor(), settings::carrier)));
        Holds holds = new Holds(new HoldStore(database.dataSource()), new HoldLeases(database.dataSource()), manager, calls, hostEvents, new HoldSettings(
                settings.numbers().holdMaxTtl(), settings.numbers().holdMargin(), settings.numbers().holdLease(),
                settings.numbers().acquireTimeout(), settings.search().stateTtl()));
        manager.holdWith(holds);
        hostEvents.addListener(new NumberLifeMeters(metrics.registry()));
        manager.meterDroppedOffersWith(new org.carrierhost.host.metrics.DroppedOfferMeters(metrics.registry()));
        Reconciler reconciler = new Reconciler(database.dataSource(), registry, carriers, calls, hostEvents,
                settings.numbers().acquireTimeout(), settings::carrier);
        remember(new NumberReaper(settings.numbers().reaperInterval(), List.of(NumberReaper.Round.of("aging", manager::endAging),
                NumberReaper.Round.of("holds", holds::reap), NumberReaper.Round.of("reconcile", reconciler::runScheduled))));
        HostParts.register(this, new HostParts(carriers, lifecycle, registry, cluster,
                () -> server == null ? List.of() : server.routes()));
        timeline.mark("cluster and number desk");
        if (!http) {
            return; // Embedded with the Java API only: no port, no token file.
        }
        RecentCalls recent = new RecentCalls(recentCallsClock);
        hostEvents.addListener(recent);
        HealthRoutes health = remember(new HealthRoutes(carriers, database.dataSource(), id -> Settings.CARRIER_MANDATORY.parse(
                Settings.CARRIER_MANDATORY.keyFor(id), settings.carrier(id).get("mandatory", "false"))));
        hostEvents.addListener(health.listener());
        health.register(server);
        CarrierRoutes carrierRoutes = new CarrierRoutes(carriers, this::section, recent, this::sourceOf, selfTests::last, rollouts::view);
        carrierRoutes.register(server);
        new CarrierSettingsRoutes(carriers, lifecycle, storedSettings, this::section, carrierRoutes).register(server);
        new SelfTestRoutes(selfTests).register(server);
        new RolloutRoutes(rollouts).register(server);
        new CarrierLifecycleRoutes(lifecycle, settings.plugins().zipLimits().maxBytes(), recent).register(server);
        new NumberRoutes(manager, settings.http().maxBodyBytes()).register(server);
        new HoldRoutes(holds).register(server);
        new ReconcileRoutes(reconciler).register(server);
        new EventStream(auditLog, JsonMapper.create(), EVENT_HEARTBEAT, settings.http().streams()).register(server);
        new EventRoutes(auditLog).register(server);
        new IdentityRoutes().register(server);
        new ClusterRoutes(cluster).register(server);
        new OpenApiRoutes().register(server);
        new ConsoleRoutes().register(server);
        metrics.scrapeable().ifPresent(prometheus -> new MetricsRoute(prometheus, settings.metrics().open()).register(server));
        server.start();
        timeline.mark("routes and serving");
    }

    /** Where this host's start spent its time, phase by phase (complete once {@link #start} returned). */
    StartTimeline startTimeline() {
        return timeline;
    }

    /** Carrier {@code id}'s section: the settings stored through the API over the conf file's, the environment's and --set's. */
    private CarrierConfig section(String id) {
        return storedSettings.section(id, fileSections.getOrDefault(id, settings.carrier(id)));
    }

    /** {@link #section}, the settings file read again, for a generation about to start: an edit of it applies at a reload. */
    private CarrierConfig sectionForLoad(String id) {
        fileSections.put(id, settings.carrierAsFileNowSays(id));
        return section(id);
    }

    /** Where each carrier key shown came from; a key the settings file gained since start is the file's. */
    private DeclaredSettings.Source sourceOf(String fullKey) {
        if (storedSettings.isStored(fullKey)) {
            return DeclaredSettings.Source.API;
        }
        DeclaredSettings.Source source = settings.carrierSource(fullKey);
        return source == DeclaredSettings.Source.DEFAULT ? DeclaredSettings.Source.CONF_FILE : source;
    }

    private static ArchiveLimits archiveLimits(ZipLimitSettings zip) {
        return new ArchiveLimits(zip.maxBytes(), zip.maxEntries(), zip.maxUnpackedBytes(), zip.maxRatio());
    }

    private static Path carrierDataDir(Path dataDir, String id) {
        Path dir = CarrierId.inside(dataDir.resolve("carriers"), id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    private <T extends AutoCloseable> T remember(T part) {
        closeInReverse.add(part);
        return part;
    }

    /** The carrier manager: find, acquire, disconnect, check. */
    public CarrierManager manager() {
        return manager;
    }

    /** The audit and lifecycle log. */
    public EventLog events() {
        return auditLog;
    }

    /** Where the host raises its typed events: add a {@link HostEventListener} here to receive them. */
    public HostEvents hostEvents() {
        return hostEvents;
    }

    /** The settings it runs with. */
    public HostSettings settings() {
        return settings;
    }

    /** The platform's Micrometer registry, when one was given to the {@link #builder()}. */
    public Optional<MeterRegistry> meterRegistry() {
        return meterRegistry;
    }

    /**
     * The registry the host's meters are in: the platform's, or the host's own Prometheus registry (which
     * {@code GET /metrics} serves).
     */
    public MeterRegistry meters() {
        return metrics.registry();
    }

    /**
     * The port the HTTP API listens on.
     *
     * @throws IllegalStateException when the host was started without HTTP
     */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("this host serves no HTTP: start it with CarrierHost.builder().http(port) or .withHttp()");
        }
        return server.port();
    }

    /**
     * The base URL of the HTTP API, for example {@code http://127.0.0.1:8080/}.
     *
     * @throws IllegalStateException when the host was started without HTTP
     */
    public String url() {
        int port = port();
        String bind = settings.http().bind();
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
        return (server.secure() ? "https://" : "http://") + host + ":" + port + "/";
    }

    /** Where the generated admin token is kept, when {@code admin.token} is unset. */
    public Optional<Path> adminTokenFile() {
        return Optional.ofNullable(adminTokenFile);
    }

    /** Stops serving, unloads every carrier and closes the database. */
    @Override
    public synchronized void close() {
        HostParts.forget(this);
        if (server != null) {
            server.close();
        }
        for (int i = closeInReverse.size() - 1; i >= 0; i--) {
            try {
                closeInReverse.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(CarrierHost.class).warn("closing {} failed: {}", closeInReverse.get(i), e.toString());
            }
        }
        closeInReverse.clear();
    }

    /** This host's trust policy, its keyring read now. */
    private static ZipVerifier trustPolicy(HostSettings settings) {
        try {
            return new ZipVerifier(settings.plugins().trust());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("plugins.trust.keyring", e.getMessage());
        }
    }
}
