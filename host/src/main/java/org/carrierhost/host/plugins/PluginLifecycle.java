package org.carrierhost.host.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.Event;
import org.carrierhost.host.events.EventLog;

/**
 * Loads carrier plugin zips into the {@link CarrierTable} and swaps versions with no gap in service: the
 * new generation is loaded and started while the old one serves, then made to serve in one step, and only
 * then is the old one drained and unloaded. A new version that fails leaves the old one serving.
 *
 * <p>Thread-safe: operations on one carrier are serialised by that carrier's lifecycle lock; different
 * carriers proceed in parallel. PF4J itself is never shared between threads, since each generation has
 * its own manager.
 */
public final class PluginLifecycle implements AutoCloseable {

    private final Path pluginsDir;
    private final GenerationLoader loader;
    private final CarrierTable table;
    private final CarrierStateStore states;
    private final EventLog events;
    private final Duration drain;

    /**
     * @param drain how long a swapped-out version may take to finish its calls in flight
     */
    public PluginLifecycle(Path pluginsDir, GenerationLoader loader, CarrierTable table, CarrierStateStore states,
                           EventLog events, Duration drain) {
        this.pluginsDir = pluginsDir;
        this.loader = loader;
        this.table = table;
        this.states = states;
        this.events = events;
        this.drain = drain;
    }

    /** The drop-in directory. */
    public Path pluginsDir() {
        return pluginsDir;
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

    /** The {@code *.zip} files in the plugins directory, sorted by name. */
    public List<Path> zipsInPluginsDir() {
        List<Path> zips = new ArrayList<>();
        if (!Files.isDirectory(pluginsDir)) {
            return zips;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(pluginsDir, "*.{zip,ZIP}")) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    zips.add(p);
                }
            });
        } catch (IOException e) {
            events.record(Event.failed("host", "scan", pluginsDir.toString(), e.toString()));
        }
        zips.sort(null);
        return zips;
    }

    /**
     * Loads {@code zip} and makes it serve, replacing the version of its id that served before.
     *
     * @return the carrier as it now stands
     * @throws StandardException {@code invalid} with the reason when the zip cannot serve; the version that
     *                           served before (if any) still serves
     */
    public CarrierView deploy(Path zip, String actor) {
        String target = zip.getFileName().toString();
        PluginArchive archive;
        try {
            archive = loader.inspect(zip);
        } catch (PluginLoadException e) {
            throw failFile(zip, actor, e.failure());
        }
        Optional<String> declared = archive.declaredId();
        if (declared.isPresent()) {
            CarrierSlot slot = table.slot(declared.get());
            ReentrantLock lock = slot.lifecycleLock();
            lock.lock();
            try {
                return deployInto(slot, archive, actor);
            } finally {
                lock.unlock();
            }
        }
        PluginGeneration generation;
        try {
            generation = loader.load(archive);
        } catch (PluginLoadException e) {
            throw failFile(zip, actor, e.failure());
        }
        CarrierSlot slot = table.slot(generation.id());
        slot.lifecycleLock().lock();
        try {
            return serve(slot, generation, actor, target);
        } finally {
            slot.lifecycleLock().unlock();
        }
    }

    private CarrierView deployInto(CarrierSlot slot, PluginArchive archive, String actor) {
        Path zip = archive.file();
        Path servedFrom = slot.file();
        if (servedFrom != null && !servedFrom.equals(zip) && Files.exists(servedFrom) && slot.live() != null) {
            throw failFile(zip, actor, PluginFailure.now("duplicate plugin id " + slot.id(),
                    "already served from " + servedFrom.getFileName() + "; remove one of the two zips"));
        }
        if (!states.isEnabled(slot.id())) {
            slot.enabled(false);
            slot.file(zip);
            forgetFileFailure(zip);
            events.record(Event.ok(actor, "load-skipped-disabled", slot.id()));
            return slot.view();
        }
        PluginGeneration generation;
        try {
            generation = loader.load(archive);
        } catch (PluginLoadException e) {
            slot.failure(e.failure());
            if (slot.file() == null) {
                slot.file(zip);
            }
            events.record(Event.failed(actor, "load", slot.id(), e.failure().describe()));
            throw new StandardException(new StandardError(ErrorCode.INVALID, e.failure().message(), e.failure().cause(), slot.id()));
        }
        return serve(slot, generation, actor, zip.getFileName().toString());
    }

    private CarrierView serve(CarrierSlot slot, PluginGeneration generation, String actor, String fileName) {
        PluginGeneration previous = slot.swap(generation);
        slot.enabled(true);
        slot.file(generation.archive().file());
        slot.failure(null);
        forgetFileFailure(generation.archive().file());
        events.record(Event.ok(actor, previous == null ? "load" : "swap", slot.id() + " " + generation.version() + " from " + fileName));
        if (previous != null) {
            retire(slot, previous, actor);
        }
        return slot.view();
    }

    /** Drains and unloads {@code generation}, recording how it went. */
    void retire(CarrierSlot slot, PluginGeneration generation, String actor) {
        PluginFailure failure = generation.retire(drain, loader.stopLimit());
        String target = slot.id() + " " + generation.version();
        if (failure == null) {
            events.record(Event.ok(actor, "unload", target));
        } else {
            events.record(Event.failed(actor, "unload", target, failure.describe()));
        }
    }

    private StandardException failFile(Path zip, String actor, PluginFailure failure) {
        CarrierSlot fileSlot = table.slot(zip.getFileName().toString());
        fileSlot.file(zip);
        fileSlot.failure(failure);
        events.record(Event.failed(actor, "load", zip.getFileName().toString(), failure.describe()));
        return new StandardException(new StandardError(ErrorCode.INVALID, failure.message(), failure.cause(), null));
    }

    private void forgetFileFailure(Path zip) {
        table.existing(zip.getFileName().toString()).filter(s -> s.live() == null).ifPresent(s -> table.remove(s.id()));
    }

    /** Unloads every carrier. */
    @Override
    public void close() {
        for (CarrierSlot slot : table.all()) {
            slot.lifecycleLock().lock();
            try {
                PluginGeneration generation = slot.swap(null);
                if (generation != null) {
                    retire(slot, generation, "shutdown");
                }
            } finally {
                slot.lifecycleLock().unlock();
            }
        }
    }
}
