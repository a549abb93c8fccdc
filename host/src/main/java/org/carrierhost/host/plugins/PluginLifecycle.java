package org.carrierhost.host.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;

/**
 * Loads carrier plugin zips into the {@link CarrierTable} and swaps versions with no gap in service: the
 * new generation is loaded and started while the old one serves, then made to serve in one step, and only
 * then is the old one drained and unloaded. A new version that fails leaves the old one serving.
 *
 * <p>Which content was last deployed from each file is kept by the {@link PluginDirectory}, so a file
 * seen again with the same size and SHA-256 is not redeployed, whatever its file time says.
 *
 * <p>Thread-safe: operations on one carrier are serialised by that carrier's lifecycle lock; different
 * carriers proceed in parallel. PF4J itself is never shared between threads, since each generation has
 * its own manager.
 */
public final class PluginLifecycle implements AutoCloseable {

    /** How {@link #deploy(Path, String, Mode)} treats content it has seen and other zips of the same id. */
    enum Mode {
        /** Always load a new generation: startup, enable, reload. */
        ALWAYS,
        /** Load only when the file's content differs from what was last deployed from it: the watcher. */
        IF_CHANGED,
        /** Always load, and let it replace a version served from another file: an API install. */
        UPGRADE
    }

    private final PluginDirectory directory;
    private final Path installDir;
    private final GenerationLoader loader;
    private final CarrierTable table;
    private final CarrierStateStore states;
    private final HostEvents events;
    private final Duration drain;

    /**
     * @param installDir where zips installed through the API (here or on another host of the cluster) are
     *                   kept; a carrier served from a zip there has the source {@link CarrierSource#CLUSTER}
     * @param drain      how long a swapped-out version may take to finish its calls in flight
     */
    public PluginLifecycle(Path pluginsDir, Path installDir, GenerationLoader loader, CarrierTable table,
                           CarrierStateStore states, HostEvents events, Duration drain) {
        this.directory = new PluginDirectory(pluginsDir, events);
        this.installDir = installDir.toAbsolutePath().normalize();
        this.loader = loader;
        this.table = table;
        this.states = states;
        this.events = events;
        this.drain = drain;
    }

    /** The drop-in directory. */
    public Path pluginsDir() {
        return directory.path();
    }

    /** Where zips installed through the API are kept: this host's copy of the cluster's zips. */
    public Path installDir() {
        return installDir;
    }

    PluginDirectory directory() {
        return directory;
    }

    GenerationLoader loader() {
        return loader;
    }

    CarrierTable table() {
        return table;
    }

    CarrierStateStore states() {
        return states;
    }

    HostEvents events() {
        return events;
    }

    /** Loads every {@code *.zip} in the plugins directory, in name order; failures are recorded, not thrown. */
    public void loadAll(String actor) {
        for (Path zip : zipsInPluginsDir()) {
            try {
                deploy(zip, actor);
            } catch (StandardException e) {
                // Recorded on the carrier or file, and in the event log.
            }
        }
    }

    /** The {@code *.zip} files in the plugins directory, sorted by name; hidden files are left out. */
    public List<Path> zipsInPluginsDir() {
        return directory.zips();
    }

    /** The files this lifecycle deployed or tried to deploy, and still answers for. */
    public Set<Path> knownFiles() {
        Set<Path> files = new HashSet<>(directory.remembered());
        table.all().forEach(s -> Optional.ofNullable(s.file()).ifPresent(files::add));
        return files;
    }

    /**
     * Loads {@code zip} and makes it serve, replacing the version of its id that served before.
     *
     * @return the carrier as it now stands
     * @throws StandardException {@code invalid} with the reason when the zip cannot serve; the version that
     *                           served before (if any) still serves
     */
    public CarrierView deploy(Path zip, String actor) {
        return deploy(zip, actor, Mode.ALWAYS);
    }

    /**
     * Deploys {@code zip} unless its size and SHA-256 are those last deployed (or tried) from it; what the
     * watcher calls. Failures are recorded on the carrier or file and in the event log, not thrown.
     */
    public void deployIfChanged(Path zip, String actor) {
        try {
            deploy(zip, actor, Mode.IF_CHANGED);
        } catch (StandardException e) {
            // Recorded on the carrier or file, and in the event log.
        }
    }

    CarrierView deploy(Path zip, String actor, Mode mode) {
        PluginArchive archive;
        try {
            archive = loader.inspect(zip);
        } catch (PluginLoadException e) {
            throw failFile(zip, actor, e.failure());
        }
        Optional<String> declared = archive.declaredId();
        if (declared.isPresent() && !CarrierId.valid(declared.get())) {
            throw failFile(zip, actor, PluginFailure.now("invalid plugin id", CarrierId.refusal(declared.get())));
        }
        if (declared.isPresent()) {
            CarrierSlot slot = table.slot(declared.get());
            ReentrantLock lock = slot.lifecycleLock();
            lock.lock();
            try {
                if (mode == Mode.IF_CHANGED && directory.unchanged(archive)) {
                    return slot.view();
                }
                directory.remember(archive);
                return deployInto(slot, archive, null, actor, mode);
            } finally {
                lock.unlock();
            }
        }
        if (mode == Mode.IF_CHANGED && directory.unchanged(archive)) {
            return table.existing(zip.getFileName().toString()).map(CarrierSlot::view).orElse(null);
        }
        directory.remember(archive);
        // No plugin.properties id (a manifest plugin, or no descriptor): the id is known only once loaded.
        PluginGeneration generation;
        try {
            generation = loader.load(archive);
        } catch (PluginLoadException e) {
            throw failFile(zip, actor, e.failure());
        }
        CarrierSlot slot = table.slot(generation.id());
        slot.lifecycleLock().lock();
        try {
            return deployInto(slot, archive, generation, actor, mode);
        } finally {
            slot.lifecycleLock().unlock();
        }
    }

    /** Under the slot's lock: refuses a second zip of one id, skips a disabled id, else loads and serves. */
    private CarrierView deployInto(CarrierSlot slot, PluginArchive archive, PluginGeneration loaded, String actor, Mode mode) {
        Path zip = archive.file();
        Path servedFrom = slot.file();
        if (mode != Mode.UPGRADE && servedFrom != null && !servedFrom.equals(zip) && Files.exists(servedFrom)
                && slot.live() != null) {
            discard(slot, loaded, actor);
            throw failFile(zip, actor, PluginFailure.duplicateOf(slot.id(),
                    "already served from " + servedFrom.getFileName() + "; remove one of the two zips"));
        }
        if (!states.isEnabled(slot.id())) {
            discard(slot, loaded, actor);
            slot.enabled(false);
            place(slot, zip);
            forgetFileFailure(zip);
            events.publish(CarrierEvent.ok(actor, CarrierAction.LOAD_SKIPPED_DISABLED, slot.id() + " from " + zip.getFileName()));
            return slot.view();
        }
        PluginGeneration generation = loaded;
        if (generation == null) {
            try {
                generation = loader.load(archive);
            } catch (PluginLoadException e) {
                slot.failure(e.failure());
                if (slot.file() == null) {
                    place(slot, zip);
                }
                forgetFileFailure(zip);
                events.publish(CarrierEvent.failed(actor, CarrierAction.LOAD, slot.id() + " from " + zip.getFileName(), e.failure().describe()));
                throw new StandardException(new StandardError(ErrorCode.INVALID, e.failure().message(), e.failure().cause(), slot.id()));
            }
        }
        return serve(slot, generation, actor);
    }

    /** Records {@code zip} as the slot's file, and its source by where it lies. */
    private void place(CarrierSlot slot, Path zip) {
        slot.file(zip);
        slot.source(zip.toAbsolutePath().normalize().startsWith(installDir) ? CarrierSource.CLUSTER : CarrierSource.DIRECTORY);
    }

    private void discard(CarrierSlot slot, PluginGeneration loaded, String actor) {
        if (loaded != null) {
            retire(slot, loaded, actor);
        }
    }

    private CarrierView serve(CarrierSlot slot, PluginGeneration generation, String actor) {
        Path zip = generation.archive().file();
        String target = slot.id() + " " + generation.version();
        events.publish(CarrierEvent.ok(actor, CarrierAction.LOAD, target + " from " + zip.getFileName()));
        events.publish(CarrierEvent.ok(actor, CarrierAction.START, target));
        PluginGeneration serving = slot.live();
        if (serving != null) {
            // Recorded first, so the log never shows the new version serving before the swap.
            events.publish(CarrierEvent.ok(actor, CarrierAction.SWAP, slot.id() + " " + serving.version() + " -> " + generation.version()));
        }
        PluginGeneration previous = slot.swap(generation);
        slot.enabled(true);
        place(slot, zip);
        slot.failure(null);
        forgetFileFailure(zip);
        if (previous != null) {
            retire(slot, previous, actor);
        }
        return slot.view();
    }

    /**
     * Drains and unloads {@code generation}, recording its stop and unload; a step that failed or overran
     * is also shown on the carrier.
     */
    void retire(CarrierSlot slot, PluginGeneration generation, String actor) {
        PluginGeneration.Retirement outcome = generation.retire(drain, loader.stopLimit());
        String target = slot.id() + " " + generation.version();
        record(actor, CarrierAction.STOP, target, outcome.stop());
        String threads = outcome.threads().describe();
        record(actor, CarrierAction.UNLOAD, threads == null ? target : target + "; " + threads, outcome.unload());
        PluginFailure failure = outcome.stop() != null ? outcome.stop() : outcome.unload();
        if (failure == null && !outcome.threads().survivors().isEmpty()) {
            failure = PluginFailure.now("leaking: threads of " + target + " survived the unload", threads);
        }
        if (failure != null) {
            slot.failure(failure);
        }
    }

    /** Under the slot's lock: nothing serves {@code slot} any more, and what served is drained and unloaded. */
    void stopServing(CarrierSlot slot, String actor) {
        PluginGeneration generation = slot.swap(null);
        if (generation != null) {
            retire(slot, generation, actor);
        }
    }

    private void record(String actor, CarrierAction action, String target, PluginFailure failure) {
        events.publish(failure == null ? CarrierEvent.ok(actor, action, target)
                : CarrierEvent.failed(actor, action, target, failure.describe()));
    }

    /**
     * Under the slot's lock: stops serving {@code slot} and lets go of its file. A carrier that served
     * since startup stays listed as {@code UNLOADED}; one that never served is forgotten.
     */
    void unloadSlot(CarrierSlot slot, String actor) {
        stopServing(slot, actor);
        Path file = slot.file();
        if (file != null) {
            directory.forget(file);
        }
        slot.file(null);
        if (!slot.everServed()) {
            table.remove(slot.id());
        }
    }

    private StandardException failFile(Path zip, String actor, PluginFailure failure) {
        CarrierSlot fileSlot = table.slot(zip.getFileName().toString());
        fileSlot.file(zip);
        fileSlot.failure(failure);
        events.publish(CarrierEvent.failed(actor, CarrierAction.LOAD, zip.getFileName().toString(), failure.describe()));
        return new StandardException(new StandardError(ErrorCode.INVALID, failure.message(), failure.cause(), null));
    }

    /** Drops the failure recorded on {@code zip} itself, if nothing serves under the file's name. */
    void forgetFileFailure(Path zip) {
        table.existing(zip.getFileName().toString()).filter(s -> s.live() == null).ifPresent(s -> table.remove(s.id()));
    }

    /** Unloads every carrier. */
    @Override
    public void close() {
        for (CarrierSlot slot : table.all()) {
            slot.lifecycleLock().lock();
            try {
                stopServing(slot, "shutdown");
            } finally {
                slot.lifecycleLock().unlock();
            }
        }
    }
}
