package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.host.config.SelfTestSettings;
import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.CarrierStateChanged;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.source.ZipLedger;
import org.carrierhost.host.plugins.source.ZipRecord;
import org.carrierhost.host.plugins.trust.TrustVerdict;
import org.carrierhost.host.plugins.trust.ZipVerifier;

/**
 * The one owner of the carrier lifecycle: it alone takes a carrier's lock and writes what the host holds for it. Every state
 * change goes through {@link #become}, which checks it against {@link CarrierState#canBecome}, writes it and raises one
 * {@link CarrierStateChanged} (from, to, and how long the verb had taken). Its {@link LifecycleVerbs} are what the watcher
 * (through the {@link DropInFeed}), the API, the console and the cluster sync call. A change asked here is told to the other
 * hosts; a redeploy the watcher sees is a reload, recorded and told as one asked over HTTP. A new version starts while the
 * old one serves, then serves in one step; only then is the old one drained and unloaded; one that fails leaves it serving.
 * The way from a zip to a started version (reading, trust, the same-id rule, loading) is {@link Deployments}'s, instances
 * {@link InstanceSlots}', canaries {@link Rollouts}', unrouted first installs {@link Probation}'s; each asks for every
 * lock and write.
 *
 * <p>Thread-safe: operations on one carrier are serialised by its lock; other carriers proceed in parallel.
 */
public final class CarrierLifecycle implements LifecycleVerbs, AutoCloseable {

    private final OperatorFiles operatorFiles;
    private final Loader loader;
    private final CarrierTable table;
    private final ZipLedger files;
    private final CarrierStateStore states;
    private final HostEvents events;
    private final LifecycleSteps steps;
    private final NeverLoadedZips neverLoaded;
    private final ClusterLink cluster;
    private final SignedZips signed;
    private final Deployments deployments;
    private final Reconfigurations reconfigurations;
    private final InstanceSlots instanceSlots;

    /**
     * @param operatorFiles where installed zips are kept (served from there: {@link CarrierSource#CLUSTER}), and removed drop-ins'
     * @param drain         how long a swapped-out version may take to finish its calls in flight
     * @param cluster       how changes made here reach the other hosts
     * @param verifier      the trust policy on each zip before it loads ({@code new ZipVerifier(TrustSettings.OFF)}: none)
     * @param instances     the instances of plugins: each starts (and swaps) when its plugin does
     */
    public CarrierLifecycle(OperatorFiles operatorFiles, Loader loader, CarrierTable table, CarrierStateStore states,
                            HostEvents events, Duration drain, ClusterLink cluster, ZipVerifier verifier,
                            InstanceBook instances) {
        this.signed = new SignedZips(verifier);
        this.operatorFiles = operatorFiles;
        this.loader = loader;
        this.table = table;
        this.files = table.files();
        this.states = states;
        this.events = events;
        this.steps = new LifecycleSteps(events, drain);
        this.neverLoaded = new NeverLoadedZips(table, operatorFiles, steps);
        this.cluster = cluster;
        this.deployments = new Deployments(this, operatorFiles, loader, table, states, steps, neverLoaded, cluster, signed);
        this.reconfigurations = new Reconfigurations(table, deployments);
        this.instanceSlots = new InstanceSlots(this, instances, table, states, steps, deployments, cluster);
    }

    @Override
    public CarrierView deploy(Path zip, String actor) {
        return deployments.deploy(zip, Ask.of(actor, Origin.HERE, CarrierAction.LOAD), DeployMode.IF_CHANGED);
    }

    @Override
    public CarrierView enable(String id, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.ENABLE);
        neverLoaded.refuse(id, ask, "enabled");
        return locked(id, id, ask, slot -> {
            if (origin == Origin.HERE) {
                states.setEnabled(id, true, actor);
            } else if (slot.state() != CarrierState.DISABLED || !states.isEnabled(id)) {
                return table.viewOf(slot);
            }
            Path file = slot.file();
            if (slot.live() == null && file != null && Files.isRegularFile(file)) {
                return deployments.deployFile(slot, file, ask, DeployMode.ALWAYS);
            }
            if (slot.state() == CarrierState.DISABLED) {
                become(slot, slot.live() != null ? CarrierState.STARTED : slot.resting(), ask);
            }
            return table.viewOf(slot);
        });
    }

    @Override
    public CarrierView disable(String id, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.DISABLE);
        neverLoaded.refuse(id, ask, "disabled");
        return locked(id, id, ask, slot -> {
            if (origin == Origin.HERE) {
                states.setEnabled(id, false, actor);
            } else if (slot.state() == CarrierState.DISABLED || states.isEnabled(id)) {
                return table.viewOf(slot);
            }
            if (slot.state() != CarrierState.DISABLED) {
                become(slot, CarrierState.DISABLED, ask);
                stopServing(slot, ask);
            }
            return table.viewOf(slot);
        });
    }

    @Override
    public CarrierView reload(String id, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.RELOAD);
        return neverLoaded.retry(id, ask, zip -> deployments.deploy(zip, ask, DeployMode.ALWAYS)).orElseGet(() -> locked(id, id, ask, slot -> {
            if (slot.state() == CarrierState.DISABLED) {
                throw Refusals.invalid(id, "carrier " + id + " is disabled", "enable it to load it");
            }
            Path file = slot.file();
            if (file == null || !Files.isRegularFile(file)) {
                throw Refusals.invalid(id, "carrier " + id + " has no zip to reload from", file == null ? null : file + " is gone");
            }
            if (loader.lift(id)) {
                steps.ok(actor, CarrierAction.QUARANTINE_LIFTED, id);
            }
            return deployments.deployFile(slot, file, ask, DeployMode.ALWAYS);
        }));
    }

    @Override
    public CarrierView reconfigure(String id, SettingsChange change, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.RECONFIGURE);
        neverLoaded.refuse(id, ask, "reconfigured");
        return locked(id, id + " " + change.describe(), ask, slot -> reconfigurations.apply(slot, change, ask));
    }

    @Override
    public CarrierView createInstance(String plugin, String id, SettingsChange settings, String actor, Origin origin) {
        return instanceSlots.create(plugin, id, settings, Ask.of(actor, origin, CarrierAction.CREATE_INSTANCE));
    }

    @Override
    public CarrierView remove(String id, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.REMOVE);
        return neverLoaded.remove(id, ask).orElseGet(() -> locked(id, id, ask, slot -> {
            if (slot.plugin() != null) {
                return instanceSlots.remove(slot, ask);
            }
            instanceSlots.refuseWhileAnyOf(id);
            Path file = slot.file();
            List<Path> shadowed = files.shadowedOf(id).stream().map(ZipRecord::file).toList();
            unload(slot, ask);
            neverLoaded.forget(shadowed, id, ask);
            Optional<Path> kept = file == null ? Optional.empty() : neverLoaded.letGo(file, id, ask);
            return kept.map(table.viewOf(slot)::keptAt).orElseGet(() -> table.viewOf(slot));
        }));
    }

    @Override
    public void fileGone(Path zip, String actor) {
        deployments.fileGone(zip, Ask.of(actor, Origin.HERE, CarrierAction.FILE_REMOVED));
    }

    @Override
    public CarrierView install(byte[] zip, byte[] signature, String actor, Origin origin) {
        return deployments.install(zip, signature, Ask.of(actor, origin, CarrierAction.INSTALL));
    }

    /**
     * Quarantines carrier {@code id}, whose own process ended too often while {@code crashed} served: kept (across
     * restarts too) until an operator lifts it with a reload; {@code crashed} stops serving. An isolated carrier's
     * supervisor calls it; nothing happens when {@code crashed} no longer serves.
     */
    public void quarantine(String id, Generation crashed, PluginFailure failure) {
        Ask ask = Ask.of("supervisor", Origin.HERE, CarrierAction.QUARANTINE);
        eachLocked(slot -> slot.id().equals(id) && slot.live() == crashed && slot.state() == CarrierState.STARTED, slot -> {
            loader.quarantine(id, failure.message());
            steps.failed(ask.actor(), CarrierAction.QUARANTINE, id + " " + crashed.version(), failure.describe());
            // The reason first, so nobody sees it QUARANTINED without one; again after the retirement, which may write its own.
            slot.failure(failure);
            become(slot, CarrierState.QUARANTINED, ask);
            stopServing(slot, ask);
            slot.failure(failure);
        });
    }

    /** Unloads every carrier; their states stay as they were, for the host is closing. */
    @Override
    public void close() {
        eachLocked(slot -> true, slot -> stopServing(slot, Ask.of("shutdown", Origin.HERE, CarrierAction.UNLOAD)));
    }

    /** Reads {@code policy} again every {@code every} and applies revocations to running carriers; not yet started. */
    public RevocationWatch revocations(Supplier<TrustSettings> policy, Duration every) {
        return new RevocationWatch(this, deployments, table, signed, steps, policy, every);
    }

    /** Self-tests through {@code calls}; before a new version serves too, when {@code settings} say so ({@link Probation}). */
    public SelfTests selfTests(CarrierCalls calls, SelfTestSettings settings) {
        SelfTests tests = new SelfTests(table, calls, steps, settings);
        deployments.gate(tests, tests.onProbation(new Probation(this, table, tests, steps)));
        return tests;
    }

    /** Canary rollouts of the carriers whose section (of {@code sections}) says {@code rollout=canary}, decided on {@code board}. */
    public Rollouts rollouts(Function<String, CarrierConfig> sections, RolloutBoard board) {
        return deployments.canaries(new Rollouts(this, steps, sections, board));
    }

    /** Routes a share of {@code slot}'s calls to {@code next}'s canary, beside what serves; null: none. */
    void route(CarrierSlot slot, CanaryRoute next) {
        slot.canary(next);
    }

    // The owner's writes that Deployments asks for, each on a slot it holds locked.

    /** Serves {@code generation} from {@code zip}, retiring what it replaces; with {@code untested} (why), PROBING. */
    void serve(CarrierSlot slot, Generation generation, Path zip, TrustVerdict signature, PluginFailure untested, Ask ask) {
        Generation previous = slot.live();
        if (previous != generation) {
            steps.handingOver(ask.actor(), previous, generation);
            slot.swap(generation);
        }
        place(slot, zip);
        slot.failure(untested);
        slot.signature(signature);
        become(slot, untested == null ? CarrierState.STARTED : CarrierState.PROBING, ask);
        retire(slot, previous == generation ? null : previous, ask);
        if (untested == null) {
            instanceSlots.serveAll(slot, ask);
        }
    }

    /** Keeps {@code zip} for a carrier that is disabled here, without loading it, and stops what served. */
    void restDisabled(CarrierSlot slot, Path zip, Ask ask) {
        place(slot, zip);
        steps.skippedDisabled(ask.actor(), slot.id(), zip);
        if (slot.state() != CarrierState.DISABLED) {
            become(slot, CarrierState.DISABLED, ask);
            stopServing(slot, ask);
        }
        instanceSlots.serveAll(slot, ask);
    }

    /** Shows {@code refused} on carrier {@code slot}, which keeps serving. */
    void showRefused(CarrierSlot slot, TrustVerdict.Refused refused, PluginFailure failure) {
        slot.signature(refused);
        slot.failure(failure);
    }

    /** Runs {@code work} under its lock on each carrier {@code which} takes, before and once locked; their ids. */
    List<String> eachLocked(Predicate<CarrierSlot> which, Consumer<CarrierSlot> work) {
        List<String> done = new ArrayList<>();
        for (CarrierSlot slot : table.all()) {
            if (!which.test(slot)) {
                continue;
            }
            slot.lock().lock();
            try {
                if (which.test(slot)) {
                    work.accept(slot);
                    done.add(slot.id());
                }
            } finally {
                slot.lock().unlock();
            }
        }
        return done;
    }

    /** Makes carrier {@code slot} an instance of plugin {@code plugin}. */
    void belongTo(CarrierSlot slot, String plugin) {
        slot.plugin(plugin);
    }

    /** Lets go of an install's {@code target} that failed before anything served from it. */
    void unplace(CarrierSlot slot, Path target) {
        if (target.equals(slot.file()) && slot.live() == null) {
            slot.file(null, CarrierSource.DIRECTORY);
        }
    }

    /** Records why loading {@code zip} failed; what serves keeps serving. */
    StandardException failed(CarrierSlot slot, PluginFailure failure, Path zip, Ask ask) {
        slot.failure(failure);
        if (slot.file() == null) {
            place(slot, zip);
        }
        steps.loadFailed(ask.actor(), slot.id() + " from " + zip.getFileName(), failure);
        if (slot.live() == null) {
            settle(slot, slot.resting(), ask);
        }
        return Refusals.invalid(slot.id(), failure);
    }

    /** Stops serving and lets go of the file: listed as UNLOADED if it served since start, else GONE. */
    void unload(CarrierSlot slot, Ask ask) {
        stopServing(slot, ask);
        Optional.ofNullable(slot.file()).ifPresent(files::forget);
        slot.file(null, slot.source());
        settle(slot, slot.everServed() ? CarrierState.UNLOADED : CarrierState.GONE, ask);
    }

    /** Stops what serves carrier {@code slot}, if anything: drained and unloaded. */
    void stopServing(CarrierSlot slot, Ask ask) {
        retire(slot, slot.swap(null), ask);
    }

    private void retire(CarrierSlot slot, Generation generation, Ask ask) {
        PluginFailure failure = generation == null ? null : steps.retire(generation, ask.actor());
        if (failure != null) {
            slot.failure(failure);
        }
    }

    /** The one place a carrier's state is written: checked, written, raised as one {@link CarrierStateChanged}. */
    void become(CarrierSlot slot, CarrierState to, Ask ask) {
        CarrierState from = slot.state();
        if (!from.canBecome(to)) {
            throw new IllegalTransitionException(slot.id(), from, to);
        }
        slot.state(to);
        if (to == CarrierState.GONE) {
            table.remove(slot);
        }
        events.publish(new CarrierStateChanged(Instant.now(), slot.id(), from, to, ask.actor(), ask.verb(), ask.elapsed(),
                ask.here()));
    }

    /** {@link #become}, unless the carrier already is in {@code to} and staying there is no transition. */
    void settle(CarrierSlot slot, CarrierState to, Ask ask) {
        if (slot.state() != to || to.canBecome(to)) {
            become(slot, to, ask);
        }
    }

    /** Unlocks a slot from {@link #lockSlot}; one made for a deploy that changed nothing leaves the table unseen. */
    void unlockSlot(CarrierSlot slot) {
        try {
            if (slot.state() == CarrierState.NEW) {
                table.remove(slot);
            }
        } finally {
            slot.lock().unlock();
        }
    }

    private void place(CarrierSlot slot, Path zip) {
        slot.file(zip, operatorFiles.installed(zip) ? CarrierSource.CLUSTER : CarrierSource.DIRECTORY);
    }

    /** Runs {@code work} on carrier {@code id} under its lock, then as {@link LifecycleSteps#concluded} says, recorded on {@code target}. */
    private CarrierView locked(String id, String target, Ask ask, Function<CarrierSlot, CarrierView> work) {
        if (!CarrierId.valid(id)) {
            throw Refusals.invalid(null, "invalid carrier id", CarrierId.refusal(id));
        }
        CarrierSlot slot = table.existing(id).orElseThrow(() -> Refusals.notFound(id));
        slot.lock().lock();
        try {
            if (!CarrierState.LISTED.contains(slot.state())) {
                throw Refusals.notFound(id);
            }
            return steps.concluded(target, ask, () -> work.apply(slot), () -> cluster.changed(id, ask.verb(), ask.actor()));
        } finally {
            slot.lock().unlock();
        }
    }

    /** Carrier {@code id}'s slot, locked: made when there is none, never one a concurrent GONE took out of the table. */
    CarrierSlot lockSlot(String id) {
        while (true) {
            CarrierSlot slot = table.slot(id);
            slot.lock().lock();
            if (table.existing(id).orElse(null) == slot) {
                return slot;
            }
            slot.lock().unlock();
        }
    }
}
