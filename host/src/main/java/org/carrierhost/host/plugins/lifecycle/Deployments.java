package org.carrierhost.host.plugins.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.source.PluginInstaller;
import org.carrierhost.host.plugins.source.StagedZip;
import org.carrierhost.host.plugins.source.ZipLedger;
import org.carrierhost.host.plugins.trust.TrustVerdict;

/**
 * The way from a zip to a serving version, for the {@link CarrierLifecycle}: it reads a drop-in or an upload,
 * judges its signature, applies the {@link SameIdRule}, loads it and hands the started version to the owner.
 * It takes no lock and writes no slot itself: it asks the owner for the carrier's locked slot and for every
 * change to it ({@link CarrierLifecycle#serve}, {@link CarrierLifecycle#failed} and the like), so the owner
 * stays the one writer of carrier state.
 *
 * <p>Thread-safe: it holds only thread-safe collaborators, and works on a slot only under the lock the owner
 * gave it.
 */
final class Deployments {

    private final CarrierLifecycle owner;
    private final OperatorFiles operatorFiles;
    private final Loader loader;
    private final CarrierTable table;
    private final ZipLedger files;
    private final CarrierStateStore states;
    private final LifecycleSteps steps;
    private final ZipIntake intake;
    private final NeverLoadedZips neverLoaded;
    private final PluginInstaller installer;
    private final SameIdRule sameId;
    private final ClusterLink cluster;
    private final SignedZips signed;
    /** The self-test a new version of a serving carrier passes before it serves; none until the owner sets it. */
    private volatile SelfTests gate;
    private volatile Probation probation;
    /** The canary rollouts a new version of a serving carrier may begin instead of a swap; none until the owner sets them. */
    private volatile Rollouts rollouts;

    Deployments(CarrierLifecycle owner, OperatorFiles operatorFiles, Loader loader, CarrierTable table,
                CarrierStateStore states, LifecycleSteps steps, NeverLoadedZips neverLoaded, ClusterLink cluster,
                SignedZips signed) {
        this.owner = owner;
        this.operatorFiles = operatorFiles;
        this.loader = loader;
        this.table = table;
        this.files = table.files();
        this.states = states;
        this.steps = steps;
        this.intake = new ZipIntake(loader, files, steps);
        this.neverLoaded = neverLoaded;
        this.installer = new PluginInstaller(operatorFiles.installDir(), loader);
        this.sameId = new SameIdRule(files, operatorFiles, steps);
        this.cluster = cluster;
        this.signed = signed;
    }

    /**
     * Zip {@code zip} is gone from the plugins directory: what serves from it is unloaded, and a zip of the same carrier
     * refused as a duplicate, or shadowed, may serve now.
     */
    void fileGone(Path zip, Ask ask) {
        files.forget(zip);
        signed.forget(zip);
        List<String> unloaded = owner.eachLocked(slot -> zip.equals(slot.file()), slot -> {
            owner.unload(slot, ask);
            steps.ok(ask.actor(), CarrierAction.FILE_REMOVED, slot.id() + " from " + zip.getFileName());
        });
        for (String id : unloaded) {
            files.waitingFor(id).stream().findFirst().ifPresent(next -> {
                try {
                    deploy(next, Ask.of(ask.actor(), Origin.HERE, CarrierAction.LOAD), DeployMode.ALWAYS);
                } catch (StandardException e) {
                    // Recorded on the carrier or file, and in the event log.
                }
            });
        }
    }

    /** Shows a drop-in's refused signature on the carrier serving from it, which keeps serving; its id, if any. */
    Optional<String> refuseServing(Path zip, TrustVerdict.Refused refused, PluginFailure failure) {
        return owner.eachLocked(slot -> zip.equals(slot.file()) && slot.plugin() == null,
                slot -> owner.showRefused(slot, refused, failure)).stream().findFirst();
    }

    /** Has every new version of a serving carrier pass {@code tests}' gate before it serves, and a first install {@code first}'s. */
    void gate(SelfTests tests, Probation first) {
        gate = tests;
        probation = first;
    }

    /** Has every new version of a serving carrier begin a canary rollout of {@code value}, when its section says so. */
    Rollouts canaries(Rollouts value) {
        rollouts = value;
        return value;
    }

    /** Deploys a zip of the plugins directory (or one kept for a carrier) as {@code initialMode} says. */
    CarrierView deploy(Path zip, Ask ask, DeployMode initialMode) {
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
        CarrierSlot slot = owner.lockSlot(read.get().id());
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
            owner.unlockSlot(slot);
        }
    }

    /**
     * Reads {@code file} again and deploys it into {@code slot}, which the caller holds locked; an instance of a
     * plugin is deployed from its plugin's zip as it stands now.
     */
    CarrierView deployFile(CarrierSlot slot, Path file, Ask ask, DeployMode mode) {
        if (slot.plugin() != null) {
            return deployInstance(slot, ask);
        }
        PluginArchive archive;
        try {
            archive = loader.inspect(file);
        } catch (PluginLoadException e) {
            throw owner.failed(slot, e.failure(), file, ask);
        }
        files.trying(archive);
        return deployInto(slot, archive, null, ask, mode);
    }

    /**
     * Starts instance {@code slot} (locked by the caller) from the zip its plugin serves from: loaded as the
     * instance's id, with its own section, then served in its place with no gap; rested when the instance is
     * disabled. The zip was judged (trust, same id) when the plugin itself deployed it, and is not judged again.
     *
     * @throws StandardException {@code invalid} naming why it cannot serve; what served it still serves
     */
    CarrierView deployInstance(CarrierSlot slot, Ask ask) {
        String plugin = slot.plugin();
        CarrierSlot source = table.existing(plugin).filter(s -> CarrierState.LISTED.contains(s.state())).orElse(null);
        Path zip = source == null ? null : source.file();
        if (zip == null || !java.nio.file.Files.isRegularFile(zip)) {
            throw Refusals.invalid(slot.id(), "plugin " + plugin + " has no zip, so its instance " + slot.id()
                    + " cannot load", "install " + plugin + " first");
        }
        if (!states.isEnabled(slot.id())) {
            owner.restDisabled(slot, zip, ask);
            return table.viewOf(slot);
        }
        Generation generation;
        try {
            generation = loader.load(loader.inspect(zip), slot.id());
        } catch (PluginLoadException e) {
            throw owner.failed(slot, e.failure(), zip, ask);
        }
        if (!generation.plugin().equals(plugin) || !generation.id().equals(slot.id())) {
            steps.discard(generation, ask.actor());
            throw owner.failed(slot, PluginFailure.now("the zip holds plugin " + generation.plugin() + ", not " + plugin, null), zip, ask);
        }
        owner.serve(slot, generation, zip, source.signature(), null, ask);
        return table.viewOf(slot);
    }

    /**
     * Installs an uploaded zip (and its signature, when sent) into the install directory and serves it;
     * on failure the install directory is as it was.
     */
    CarrierView install(byte[] zip, byte[] signature, Ask ask) {
        // Judged before the zip is written or opened; its carrier pattern once its id is read.
        TrustVerdict uploaded = signed.upload(zip, signature);
        if (uploaded instanceof TrustVerdict.Refused refused && !refused.admitted()) {
            steps.failed(ask.actor(), CarrierAction.VERIFY, "an uploaded zip", refused.message());
            throw Refusals.invalid(null, PluginFailure.now(refused.message(), refused.detail()));
        }
        try (StagedZip staged = installer.stage(zip)) {
            CarrierSlot slot = owner.lockSlot(staged.id());
            Path target = staged.target();
            Path targetSignature = SignedZips.signatureOf(target);
            try {
                if (slot.plugin() != null) {
                    steps.refused(ask, staged.target().getFileName().toString(), "carrier " + staged.id() + " is an instance of plugin "
                            + slot.plugin());
                    throw Refusals.invalid(staged.id(), "carrier " + staged.id() + " is an instance of plugin " + slot.plugin(),
                            "a plugin cannot have the id of an instance; remove the instance first");
                }
                Path previousFile = slot.file();
                byte[] previousSignature = SignedZips.readSignature(targetSignature);
                try {
                    writeSignature(targetSignature, signature);
                    installer.placeAndDeploy(staged, files, () -> deployFile(slot, target, ask, DeployMode.UPGRADE));
                } catch (RuntimeException e) {
                    writeSignature(targetSignature, previousSignature);
                    owner.unplace(slot, target);
                    steps.refused(ask, target.getFileName().toString(), e.getMessage());
                    throw e;
                }
                if (previousFile != null && !previousFile.equals(target) && operatorFiles.installed(previousFile)) {
                    files.forget(previousFile);
                    neverLoaded.letGo(previousFile, staged.id(), ask);
                }
                String installed = staged.id() + " " + staged.version() + " as " + target.getFileName();
                return steps.concluded(installed, ask, () -> table.viewOf(slot),
                        () -> cluster.installed(staged.id(), staged.version(), staged.sha256(), zip, signature, ask.actor()));
            } finally {
                owner.unlockSlot(slot);
            }
        }
    }

    /**
     * Judges the zip's signature by the trust policy, then applies the {@link SameIdRule}, rests a disabled
     * id, else loads (unless {@code loaded}) and has the owner serve it.
     */
    private CarrierView deployInto(CarrierSlot slot, PluginArchive archive, Generation loaded, Ask ask, DeployMode mode) {
        String id = slot.id();
        Path zip = archive.file();
        if (slot.plugin() != null) {
            // A plugin zip under an instance's id would take the instance's place: refused, the instance serves on.
            steps.discard(loaded, ask.actor());
            PluginFailure failure = PluginFailure.now("carrier " + id + " is an instance of plugin " + slot.plugin(),
                    "a plugin cannot have the id of an instance; remove the instance first");
            files.neverLoaded(zip, failure);
            steps.loadFailed(ask.actor(), zip.getFileName().toString(), failure);
            throw Refusals.invalid(id, failure);
        }
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
            owner.restDisabled(slot, zip, ask);
            return table.viewOf(slot);
        }
        Generation generation = loaded;
        try {
            generation = generation != null ? generation : loader.load(archive);
        } catch (PluginLoadException e) {
            throw owner.failed(slot, e.failure(), zip, ask);
        }
        if (!generation.id().equals(id)) {
            steps.discard(generation, ask.actor());
            throw owner.failed(slot, PluginFailure.now("the zip holds plugin " + generation.id() + ", not " + id, null), zip, ask);
        }
        SelfTests tests = gate;
        Optional<PluginFailure> untested = tests == null ? Optional.empty() : tests.refusal(slot, generation, ask.actor());
        if (untested.isPresent()) {
            steps.discard(generation, ask.actor());
            throw owner.failed(slot, untested.get(), zip, ask);
        }
        Probation first = probation;
        if (first != null && first.holds(slot, generation, zip, signature, ask)) {
            return table.viewOf(slot);
        }
        Rollouts canaries = rollouts;
        if (canaries == null || !canaries.begin(slot, generation, zip, signature, ask)) {
            owner.serve(slot, generation, zip, signature, null, ask);
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
        Optional<String> serving = refuseServing(zip, refused, failure);
        if (serving.isEmpty()) {
            files.neverLoaded(zip, failure);
        }
        throw Refusals.invalid(serving.orElse(null), failure);
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
            throw owner.failed(slot, PluginFailure.now("cannot read the zip or its signature", e.toString()), zip, ask);
        }
        String target = slot.id() + " from " + zip.getFileName();
        if (verdict instanceof TrustVerdict.Refused refused) {
            steps.failed(ask.actor(), CarrierAction.VERIFY, target, refused.message() + (refused.admitted() ? "; loaded all the same (plugins.trust.mode=warn)" : ""));
            if (!refused.admitted()) {
                steps.discard(loaded, ask.actor());
                PluginFailure failure = PluginFailure.now(refused.message(), refused.detail());
                owner.showRefused(slot, refused, failure);
                throw owner.failed(slot, failure, zip, ask);
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
}
