package org.carrierhost.host.cluster;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.carrierhost.host.config.ClusterSettings;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.NodeEvent;
import org.carrierhost.host.plugins.lifecycle.CarrierStateStore;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.lifecycle.ClusterLink;
import org.carrierhost.host.plugins.lifecycle.InstanceBook;
import org.carrierhost.host.plugins.lifecycle.LifecycleVerbs;
import org.carrierhost.host.plugins.lifecycle.Origin;
import org.carrierhost.host.plugins.lifecycle.RolloutBoard;
import org.carrierhost.host.plugins.trust.TrustVerdict;
import org.carrierhost.host.store.CarrierSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this host in step with the others sharing its database, and tells them about itself.
 *
 * <ul>
 *   <li>It follows the change log: a reload or removal made on another host is made here; an enable or
 *       disable is applied as the persisted flag now says; an install deploys the zip stored with it.</li>
 *   <li>Then it reconciles: every carrier's enabled flag with the persisted one, and every carrier installed
 *       through the API with the zip the database names. This catches up whatever a missed notification, a
 *       restart or a time down left behind.</li>
 *   <li>It checks at start (before the host serves), every {@code cluster.check_ms}, and at once on a
 *       PostgreSQL notification; and records a heartbeat every {@code cluster.heartbeat_ms}.</li>
 * </ul>
 * Everything it does to a carrier goes through the lifecycle's verbs ({@link LifecycleVerbs}), from {@link Origin#CLUSTER}.
 *
 * <p>Thread-safe: every check and heartbeat runs on one thread of its own; requests for a check from
 * other threads are folded into one queued check.
 */
public final class ClusterSync implements AutoCloseable {

    /** The actor of what this host does following the cluster, in the event log. */
    public static final String ACTOR = "cluster";

    private static final Logger log = LoggerFactory.getLogger(ClusterSync.class);

    private final NodeIdentity me;
    private final ClusterSettings settings;
    private final CarrierStateStore states;
    private final CarrierTable carriers;
    private final HostEvents events;
    private final ChangeLog changes;
    private final PluginStore plugins;
    private final NodeTable nodes;
    private final DatabaseClusterLink link;
    private final RolloutBoard rollouts;
    private final RefusedDeploys refused = new RefusedDeploys();
    private final boolean postgres;
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-sync");
        t.setDaemon(true);
        return t;
    });
    private volatile long applied;
    private volatile boolean failing;
    private LifecycleVerbs operations;
    private volatile CarrierSettingsStore settingsStore;
    private PgNotifications listener;

    /**
     * Prepares the sync; {@link #link()} is then given to the lifecycle whose verbs {@link #start} receives.
     *
     * @throws IllegalStateException when the database cannot be read
     */
    public ClusterSync(DataSource dataSource, NodeIdentity me, ClusterSettings settings, CarrierStateStore states,
                       CarrierTable carriers, HostEvents events) {
        this.me = me;
        this.events = events;
        this.settings = settings;
        this.states = states;
        this.carriers = carriers;
        try {
            this.postgres = Sql.isPostgres(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
        }
        this.changes = new ChangeLog(dataSource, postgres);
        this.plugins = new PluginStore(dataSource);
        this.nodes = new NodeTable(dataSource);
        this.link = new DatabaseClusterLink(dataSource, me.nodeId(), changes, plugins);
        this.rollouts = postgres ? new SharedRollouts(dataSource, me.nodeId()) : RolloutBoard.OWN;
    }

    /** Follows the carrier settings other hosts store in {@code store}, before {@link #start}. */
    public void followSettings(CarrierSettingsStore store) {
        this.settingsStore = store;
    }

    /** How changes made on this host reach the others. */
    public ClusterLink link() {
        return link;
    }

    /** Where the canary rollouts are decided: in the database on PostgreSQL, shared by its hosts; else by each host. */
    public RolloutBoard rollouts() {
        return rollouts;
    }

    /** This host. */
    public NodeIdentity me() {
        return me;
    }

    /**
     * Catches up with the cluster (changes since this node last ran, the persisted states, the installed
     * zips), records a first heartbeat, then keeps following: on PostgreSQL with {@code LISTEN} on a
     * connection opened with {@code jdbcUrl}, {@code user} and {@code password}, and everywhere with a
     * check every {@code cluster.check_ms}.
     *
     * @throws IllegalStateException when the database cannot be read
     */
    public void start(LifecycleVerbs operations, Optional<String> jdbcUrl, String user, String password) {
        this.operations = operations;
        try {
            applied = nodes.appliedChange(me.nodeId()).orElse(changes.latest());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cluster's change log: " + e.getMessage(), e);
        }
        check();
        heartbeat();
        worker.scheduleWithFixedDelay(this::check, settings.check().toMillis(), settings.check().toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::heartbeat, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        if (postgres && jdbcUrl.isPresent()) {
            listener = new PgNotifications(jdbcUrl.get(), user, password, () -> {
                requestCheck();
                if (rollouts instanceof SharedRollouts shared) {
                    shared.changed();
                }
            });
            listener.start();
        }
    }

    /** The cluster's nodes, each up or down. */
    public List<NodeStatus> nodes() {
        try {
            return nodes.all(settings.downAfter());
        } catch (SQLException e) {
            throw org.carrierhost.host.store.DatabaseFailure.of("read the cluster's nodes", e);
        }
    }

    /**
     * Removes the node {@code nodeId}, down, from the cluster view at once, and audits it as {@code actor}'s.
     *
     * @return whether there was such a node
     * @throws NodeUpException when the node is up: it would be back at its next heartbeat
     * @throws IllegalStateException when the database cannot be written
     */
    public boolean remove(String nodeId, String actor) {
        Optional<Instant> lastSeen;
        try {
            lastSeen = nodes.remove(nodeId, settings.downAfter());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove node " + nodeId + ": " + e.getMessage(), e);
        }
        lastSeen.ifPresent(seen -> events.publish(new NodeEvent(Instant.now(), actor, NodeEvent.Action.REMOVE_NODE, nodeId, seen)));
        return lastSeen.isPresent();
    }

    /** Queues one check soon; requests made while one is queued are folded into it. */
    public void requestCheck() {
        if (checkQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    checkQueued.set(false);
                    check();
                });
            } catch (RejectedExecutionException e) {
                // Stopping.
            }
        }
    }

    /** One pass: the change log, then the reconciliation; never throws, so the schedule keeps running. */
    private void check() {
        try {
            for (ChangeRecord change : changes.after(applied)) {
                follow(change);
                applied = change.id();
            }
            reconcile();
            if (failing) {
                log.info("following the cluster again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                log.warn("cannot follow the cluster ({}); trying again in {} ms", e.toString(), settings.check().toMillis());
                failing = true;
            }
        }
    }

    private void follow(ChangeRecord change) throws SQLException {
        if (change.node().equals(me.nodeId())) {
            return;
        }
        String actor = ACTOR + ":" + change.node();
        String id = change.carrier();
        switch (change.action()) {
            case RELOAD -> {
                // A reload older than this start is moot: what serves here was loaded afresh since.
                if (change.at() >= me.started().toEpochMilli() && carriers.view(id).map(CarrierView::enabled).orElse(false)) {
                    quietly(() -> operations.reload(id, actor, Origin.CLUSTER));
                }
            }
            case REMOVE -> {
                link.forget(id);
                refused.forget(id);
                if (carriers.view(id).isPresent()) {
                    quietly(() -> operations.remove(id, actor, Origin.CLUSTER));
                }
            }
            case ENABLE, DISABLE -> followState(id, states.isEnabled(id), actor);
            case RECONFIGURE -> {
                CarrierSettingsStore store = settingsStore;
                // A change older than this start is moot: the settings were read from the database since.
                if (store != null && change.at() >= me.started().toEpochMilli() && carriers.view(id).isPresent()) {
                    quietly(() -> operations.reconfigure(id, new SettingsFollow(store, id), actor, Origin.CLUSTER));
                }
            }
            case CREATE_INSTANCE -> {
                CarrierSettingsStore store = settingsStore;
                // One older than this start is moot: the instances were read from the database since.
                if (store != null && change.at() >= me.started().toEpochMilli()
                        && carriers.view(id).map(v -> v.state() == CarrierState.UNLOADED).orElse(true)) {
                    quietly(() -> {
                        SettingsFollow follow = new SettingsFollow(store, id);
                        follow.apply();
                        Optional.ofNullable(store.stored(id).get(InstanceBook.PLUGIN_KEY)).ifPresent(plugin ->
                                operations.createInstance(plugin, id, follow, actor, Origin.CLUSTER));
                    });
                }
            }
            case INSTALL -> {
                for (StoredPlugin plugin : plugins.all()) {
                    if (plugin.carrier().equals(id) && plugin.changeId() == change.id()) {
                        deploy(plugin, actor);
                    }
                }
            }
            default -> {
                // Not a change other hosts follow.
            }
        }
    }

    private void reconcile() throws SQLException {
        Map<String, Boolean> persisted = states.all();
        for (CarrierView carrier : carriers.views()) {
            boolean enabled = persisted.getOrDefault(carrier.id(), true);
            if (carrier.enabled() != enabled) {
                followState(carrier.id(), enabled, ACTOR);
            }
        }
        for (StoredPlugin plugin : plugins.all()) {
            if (!link.deployed(plugin)) {
                deploy(plugin, ACTOR + ":" + plugin.node());
            }
        }
    }

    private void followState(String id, boolean enabled, String actor) {
        Optional<CarrierView> carrier = carriers.view(id);
        if (carrier.isEmpty() || carrier.get().enabled() == enabled) {
            return;
        }
        quietly(() -> {
            if (enabled) {
                operations.enable(id, actor, Origin.CLUSTER);
            } else {
                operations.disable(id, actor, Origin.CLUSTER);
            }
        });
    }

    /** Deploys the zip the database holds for {@code plugin}, once: a failure is recorded on the carrier, not retried. */
    private void deploy(StoredPlugin plugin, String actor) throws SQLException {
        if (link.deployed(plugin)) {
            return;
        }
        Optional<CarrierView> here = carriers.view(plugin.carrier());
        link.markDeployed(plugin);
        if (here.isPresent() && plugin.sha256().equals(here.get().sha256()) && "cluster".equals(here.get().source().wireName())) {
            return; // Already serves that very zip from the install directory.
        }
        Optional<byte[]> zip = plugins.zip(plugin.sha256());
        if (zip.isEmpty()) {
            log.warn("the database names zip {} for carrier {} but does not hold it", plugin.sha256(), plugin.carrier());
            return;
        }
        try {
            operations.install(zip.get(), plugin.signature(), actor, Origin.CLUSTER);
            refused.forget(plugin.carrier());
        } catch (StandardException e) {
            refused.refused(plugin, e.getMessage()); // also recorded in the event log
        }
    }

    /** Runs an operation whose failure is recorded on the carrier and in the event log; the sync goes on. */
    private static void quietly(Runnable operation) {
        try {
            operation.run();
        } catch (StandardException e) {
            // Recorded on the carrier and in the event log.
        }
    }

    private void heartbeat() {
        try {
            nodes.beat(me, applied, refused.addTo(carriers.views().stream().map(c -> new NodeCarrier(c.id(),
                    c.facts() == null ? null : c.facts().version(), c.state().wireName(), c.enabled(), c.source().wireName(), c.sha256(),
                    refusal(c.signature()))).toList()));
        } catch (SQLException | RuntimeException e) {
            log.debug("cannot record the heartbeat: {}", e.toString());
        }
        try {
            nodes.forget(settings.forgetAfter()).forEach((node, seen) ->
                    events.publish(new NodeEvent(Instant.now(), ACTOR, NodeEvent.Action.FORGET_NODE, node, seen)));
        } catch (SQLException | RuntimeException e) {
            log.debug("cannot forget long-down nodes: {}", e.toString());
        }
    }

    /** Why {@code verdict} refused a zip, for the other hosts to see; null when it did not, or there was none. */
    private static String refusal(TrustVerdict verdict) {
        return verdict instanceof TrustVerdict.Refused refused ? refused.message() : null;
    }

    /** Stops following and heartbeating; the node shows down once its last heartbeat is old enough. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
