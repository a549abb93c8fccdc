package org.carrierhost.host.plugins.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.CarrierStateChanged;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.source.PluginInstaller;
import org.carrierhost.host.plugins.source.StagedZip;
import org.carrierhost.host.plugins.source.ZipLedger;
import org.carrierhost.host.plugins.source.ZipRecord;
import org.carrierhost.host.plugins.trust.TrustVerdict;
import org.carrierhost.host.plugins.trust.ZipVerifier;

/**
 * The one owner of the carrier lifecycle: it alone takes a carrier's lock and writes what the host holds
 * for it. Every state change goes through {@link #become}, which checks it against {@link CarrierState#canBecome},
 * writes it and raises one {@link CarrierStateChanged} (from, to, and how long the verb had taken). Its
 * {@link LifecycleVerbs} are what the watcher (through the {@link DropInFeed}), the API, the console and the
 * cluster sync call. A change asked here is told to the other hosts; a redeploy the watcher sees is a reload,
 * recorded and told as one asked over HTTP. A new version starts while the old one serves, then serves in one
 * step; only then is the old one drained and unloaded. A new version that fails leaves the old one serving.
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
    private final ZipIntake intake;
    private final NeverLoadedZips neverLoaded;
    private final PluginInstaller installer;
    private final SameIdRule sameId;
    private final ClusterLink cluster;
    private final SignedZips signed;

    /**
     * @param operatorFiles where installed zips are kept (a carrier served from there has the source
     *                      {@link CarrierSource#CLUSTER}), and where a removed drop-in's zip is kept
     * @param drain         how long a swapped-out version may take to finish its calls in flight
     * @param cluster       how changes made here reach the other hosts
     */
    public CarrierLifecycle(OperatorFiles operatorFiles, Loader loader, CarrierTable table, CarrierStateStore states,
                            HostEvents events, Duration drain, ClusterLink cluster) {
        this(operatorFiles, loader, table, states, events, drain, cluster, new ZipVerifier(TrustSettings.OFF));
    }

    /**
     * As the constructor without a verifier, with every zip judged by {@code verifier} (this host's trust
     * policy) before it is loaded: a zip its policy refuses leaves what serves serving, and its zip in place.
     */
    public CarrierLifecycle(OperatorFiles operatorFiles, Loader loader, CarrierTable table, CarrierStateStore states,
                            HostEvents events, Duration drain, ClusterLink cluster, ZipVerifier verifier) {
        this.signed = new SignedZips(verifier);
        this.operatorFiles = operatorFiles;
        this.loader = loader;
        this.table = table;
        this.files = table.files();
        this.states = states;
        this.events = events;
        this.steps = new LifecycleSteps(events, drain);
        this.intake = new ZipIntake(loader, files, steps);
        this.neverLoaded = new NeverLoadedZips(table, operatorFiles, steps);
        this.installer = new PluginInstaller(operatorFiles.installDir(), loader);
        this.sameId = new SameIdRule(files, operatorFiles, steps);
        this.cluster = cluster;
    }

    @Override
    public CarrierView deploy(Path zip, String actor) {
        return deploy(zip, Ask.of(actor, Origin.HERE, CarrierAction.LOAD), DeployMode.IF_CHANGED);
    }

    @Override
    public CarrierView enable(String id, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.ENABLE);
        neverLoaded.refuse(id, ask, "enabled");
        return locked(id, ask, slot -> {
            if (origin == Origin.HERE) {
                states.setEnabled(id, true, actor);
            } else if (slot.state() != CarrierState.DISABLED || !states.isEnabled(id)) {
                return table.viewOf(slot);
            }
            Path file = slot.file();
            if (slot.live() == null && file != null && Files.isRegularFile(file)) {
                return deployFile(slot, file, ask, DeployMode.ALWAYS);
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
        return locked(id, ask, slot -> {
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
        return neverLoaded.retry(id, ask, zip -> deploy(zip, ask, DeployMode.ALWAYS)).orElseGet(() -> locked(id, ask, slot -> {
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
            return deployFile(slot, file, ask, DeployMode.ALWAYS);
        }));
    }

    @Override
    public CarrierView remove(String id, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.REMOVE);
        return neverLoaded.remove(id, ask).orElseGet(() -> locked(id, ask, slot -> {
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
        Ask ask = Ask.of(actor, Origin.HERE, CarrierAction.FILE_REMOVED);
        files.forget(zip);
        signed.forget(zip);
        for (CarrierSlot slot : table.all()) {
            if (!zip.equals(slot.file())) {
                continue;
            }
            slot.lock().lock();
            try {
                if (zip.equals(slot.file())) {
                    unload(slot, ask);
                    steps.ok(actor, CarrierAction.FILE_REMOVED, slot.id() + " from " + zip.getFileName());
                }
            } finally {
                slot.lock().unlock();
            }
            // A zip of that carrier refused as a duplicate, or shadowed, may serve now.
            files.waitingFor(slot.id()).stream().findFirst().ifPresent(next -> {
                try {
                    deploy(next, Ask.of(actor, Origin.HERE, CarrierAction.LOAD), DeployMode.ALWAYS);
                } catch (StandardException e) {
                    // Recorded on the carrier or file, and in the event log.
                }
            });
        }
    }

    @Override
    public CarrierView install(byte[] zip, String actor, Origin origin) {
        return install(zip, null, actor, origin);
    }

    @Override
    public CarrierView install(byte[] zip, byte[] signature, String actor, Origin origin) {
        Ask ask = Ask.of(actor, origin, CarrierAction.INSTALL);
        // Judged before the zip is written or opened; its carrier pattern once its id is read.
        TrustVerdict uploaded = signed.upload(zip, signature);
        if (uploaded instanceof TrustVerdict.Refused refused && !refused.admitted()) {
            steps.failed(actor, CarrierAction.VERIFY, "an uploaded zip", refused.message());
            throw Refusals.invalid(null, PluginFailure.now(refused.message(), refused.detail()));
        }
        try (StagedZip staged = installer.stage(zip)) {
            CarrierSlot slot = lockSlot(staged.id());
            Path target = staged.target();
            Path targetSignature = SignedZips.signatureOf(target);
            try {
                Path previousFile = slot.file();
                byte[] previousSignature = SignedZips.readSignature(targetSignature);
                try {
                    writeSignature(targetSignature, signature);
                    installer.placeAndDeploy(staged, files, () -> deployFile(slot, target, ask, DeployMode.UPGRADE));
                } catch (RuntimeException e) {
                    writeSignature(targetSignature, previousSignature);
                    if (target.equals(slot.file()) && slot.live() == null) {
                        slot.file(null, CarrierSource.DIRECTORY);
                    }
                    steps.refused(ask, target.getFileName().toString(), e.getMessage());
                    throw e;
                }
                if (previousFile != null && !previousFile.equals(target) && operatorFiles.installed(previousFile)) {
                    files.forget(previousFile);
                    neverLoaded.letGo(previousFile, staged.id(), ask);
                }
                String installed = staged.id() + " " + staged.version() + " as " + target.getFileName();
                return steps.concluded(installed, ask, () -> table.viewOf(slot),
                        () -> cluster.installed(staged.id(), staged.version(), staged.sha256(), zip, actor));
            } finally {
                forgetIfNew(slot);
                slot.lock().unlock();
            }
        }
    }

    /** Unloads every carrier; their states stay as they were, for the host is closing. */
    @Override
    public void close() {
        for (CarrierSlot slot : table.all()) {
            slot.lock().lock();
            try {
                stopServing(slot, Ask.of("shutdown", Origin.HERE, CarrierAction.UNLOAD));
            } finally {
                slot.lock().unlock();
            }
        }
    }

    private CarrierView deploy(Path zip, Ask ask, DeployMode initialMode) {
        DeployMode mode = signed.modeFor(zip, initialMode);
        if (refusedUnread(zip, ask, mode)) {
            return null;
        }
        Optional<ZipIntake.Intake> read = intake.read(zip, ask.actor(), mode == DeployMode.IF_CHANGED);
        if (read.isEmpty()) {
            return null;
        }
        PluginArchive archive = read.get().archive();
        Generation loaded = read.get().loaded();
        CarrierSlot slot = lockSlot(read.get().id());
        try {
            if (mode == DeployMode.IF_CHANGED && files.unchanged(archive) && loaded == null) {
                return table.viewOf(slot);
            }
            files.trying(archive);
            if (mode == DeployMode.IF_CHANGED && slot.state() == CarrierState.STARTED && zip.equals(slot.file())) {
                // The watcher saw the serving zip change: a reload, recorded and told as one asked over HTTP.
                Ask reload = ask.as(CarrierAction.RELOAD);
                return steps.concluded(slot.id(), reload, () -> deployInto(slot, archive, loaded, reload, mode),
                        () -> cluster.changed(slot.id(), CarrierAction.RELOAD, ask.actor()));
            }
            return deployInto(slot, archive, loaded, ask, mode);
        } finally {
            forgetIfNew(slot);
            slot.lock().unlock();
        }
    }

    /** Reads {@code file} again and deploys it into the slot. */
    private CarrierView deployFile(CarrierSlot slot, Path file, Ask ask, DeployMode mode) {
        PluginArchive archive;
        try {
            archive = loader.inspect(file);
        } catch (PluginLoadException e) {
            throw failed(slot, e.failure(), file, ask);
        }
        files.trying(archive);
        return deployInto(slot, archive, null, ask, mode);
    }

    /**
     * Judges the zip's signature by the trust policy, then applies the {@link SameIdRule}, skips a disabled
     * id, else loads (unless {@code loaded}) and serves.
     */
    private CarrierView deployInto(CarrierSlot slot, PluginArchive archive, Generation loaded, Ask ask, DeployMode mode) {
        String id = slot.id();
        Path zip = archive.file();
        TrustVerdict signature = judge(slot, archive, loaded, ask);
        SameIdRule.Verdict verdict = sameId.judge(id, slot.file(), slot.live(), archive, mode == DeployMode.UPGRADE, ask.actor());
        if (verdict != SameIdRule.Verdict.SERVE) {
            steps.discard(loaded, ask.actor());
            if (verdict == SameIdRule.Verdict.REFUSED) {
                throw Refusals.invalid(null, files.record(zip).orElseThrow().failure());
            }
            return table.viewOf(slot);
        }
        files.deploysAs(zip, id);
        if (!states.isEnabled(id)) {
            steps.discard(loaded, ask.actor());
            place(slot, zip);
            steps.skippedDisabled(ask.actor(), id, zip);
            if (slot.state() != CarrierState.DISABLED) {
                become(slot, CarrierState.DISABLED, ask);
                stopServing(slot, ask);
            }
            return table.viewOf(slot);
        }
        Generation generation = loaded;
        try {
            generation = generation != null ? generation : loader.load(archive);
        } catch (PluginLoadException e) {
            throw failed(slot, e.failure(), zip, ask);
        }
        if (!generation.id().equals(id)) {
            steps.discard(generation, ask.actor());
            throw failed(slot, PluginFailure.now("the zip holds plugin " + generation.id() + ", not " + id, null), zip, ask);
        }
        steps.handingOver(ask.actor(), slot.live(), generation);
        Generation previous = slot.swap(generation);
        place(slot, zip);
        slot.failure(null);
        slot.signature(signature);
        become(slot, CarrierState.STARTED, ask);
        if (previous != null) {
            retire(slot, previous, ask);
        }
        return table.viewOf(slot);
    }

    /**
     * Judges a drop-in's signature before the zip is opened. A refusal is shown on the carrier that serves
     * from that file (which keeps serving), or else as a zip that never loaded; the same refused content is
     * told once.
     *
     * @return true when the zip was refused again, unchanged, and nothing is to be told
     * @throws StandardException {@code invalid} naming the reason, when newly refused
     */
    private boolean refusedUnread(Path zip, Ask ask, DeployMode mode) {
        SignedZips.Unopened unopened = signed.unopened(zip, mode);
        if (unopened.outcome() != SignedZips.Unopened.Outcome.REFUSED) {
            return unopened.outcome() == SignedZips.Unopened.Outcome.REFUSED_AGAIN;
        }
        TrustVerdict.Refused refused = unopened.refusal();
        PluginFailure failure = PluginFailure.now(refused.message(), refused.detail());
        steps.failed(ask.actor(), CarrierAction.VERIFY, zip.getFileName().toString(), refused.message());
        for (CarrierSlot slot : table.all()) {
            if (zip.equals(slot.file())) {
                slot.lock().lock();
                try {
                    if (zip.equals(slot.file())) {
                        slot.signature(refused);
                        slot.failure(failure);
                        throw Refusals.invalid(slot.id(), failure);
                    }
                } finally {
                    slot.lock().unlock();
                }
            }
        }
        files.neverLoaded(zip, failure);
        throw Refusals.invalid(null, failure);
    }

    /**
     * The trust policy's verdict on {@code archive} and its {@code x.zip.asc}, read now, for carrier
     * {@code slot}; raised as a {@link CarrierAction#VERIFY} event unless unsigned.
     *
     * @throws StandardException {@code invalid} naming the reason when the policy refuses it: what serves
     *                           keeps serving, the zip stays where it is, and the carrier shows the refusal
     */
    private TrustVerdict judge(CarrierSlot slot, PluginArchive archive, Generation loaded, Ask ask) {
        Path zip = archive.file();
        TrustVerdict verdict;
        try {
            verdict = signed.judge(zip, slot.id(), archive.declaredVersion().orElse(null));
        } catch (IOException e) {
            steps.discard(loaded, ask.actor());
            throw failed(slot, PluginFailure.now("cannot read the zip or its signature", e.toString()), zip, ask);
        }
        String target = slot.id() + " from " + zip.getFileName();
        if (verdict instanceof TrustVerdict.Refused refused) {
            steps.failed(ask.actor(), CarrierAction.VERIFY, target, refused.message() + (refused.admitted() ? "; loaded all the same (plugins.trust.mode=warn)" : ""));
            if (!refused.admitted()) {
                steps.discard(loaded, ask.actor());
                slot.signature(refused);
                throw failed(slot, PluginFailure.now(refused.message(), refused.detail()), zip, ask);
            }
        } else if (verdict instanceof TrustVerdict.Trusted trusted) {
            steps.ok(ask.actor(), CarrierAction.VERIFY, target + ": trusted, signed by " + trusted.signer() + " (" + trusted.fingerprint() + ")");
        }
        return verdict;
    }

    /** Writes an installed zip's signature beside it, or removes a stale one when {@code signature} is null. */
    private static void writeSignature(Path file, byte[] signature) {
        try {
            SignedZips.writeSignature(file, signature);
        } catch (IOException e) {
            throw Refusals.invalid(null, "cannot write the signature into the install directory", e.toString());
        }
    }

    /** Records why loading {@code zip} failed; what serves keeps serving. */
    private StandardException failed(CarrierSlot slot, PluginFailure failure, Path zip, Ask ask) {
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
    private void unload(CarrierSlot slot, Ask ask) {
        stopServing(slot, ask);
        Optional.ofNullable(slot.file()).ifPresent(files::forget);
        slot.file(null, slot.source());
        settle(slot, slot.everServed() ? CarrierState.UNLOADED : CarrierState.GONE, ask);
    }

    private void stopServing(CarrierSlot slot, Ask ask) {
        Generation generation = slot.swap(null);
        if (generation != null) {
            retire(slot, generation, ask);
        }
    }

    private void retire(CarrierSlot slot, Generation generation, Ask ask) {
        PluginFailure failure = steps.retire(generation, ask.actor());
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
    private void settle(CarrierSlot slot, CarrierState to, Ask ask) {
        if (slot.state() != to || to.canBecome(to)) {
            become(slot, to, ask);
        }
    }

    /** A slot made for a deploy that changed nothing (refused, unchanged) leaves the table unseen. */
    private void forgetIfNew(CarrierSlot slot) {
        if (slot.state() == CarrierState.NEW) {
            table.remove(slot);
        }
    }

    private void place(CarrierSlot slot, Path zip) {
        slot.file(zip, operatorFiles.installed(zip) ? CarrierSource.CLUSTER : CarrierSource.DIRECTORY);
    }

    /** Runs {@code work} on carrier {@code id} under its lock, then as {@link LifecycleSteps#concluded} says. */
    private CarrierView locked(String id, Ask ask, Function<CarrierSlot, CarrierView> work) {
        if (!CarrierId.valid(id)) {
            throw Refusals.invalid(null, "invalid carrier id", CarrierId.refusal(id));
        }
        CarrierSlot slot = table.existing(id).orElseThrow(() -> Refusals.notFound(id));
        slot.lock().lock();
        try {
            if (!CarrierState.LISTED.contains(slot.state())) {
                throw Refusals.notFound(id);
            }
            return steps.concluded(id, ask, () -> work.apply(slot), () -> cluster.changed(id, ask.verb(), ask.actor()));
        } finally {
            slot.lock().unlock();
        }
    }

    /** Carrier {@code id}'s slot, locked: made when there is none, never one a concurrent GONE took out of the table. */
    private CarrierSlot lockSlot(String id) {
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
