package org.carrierhost.host.plugins.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.carrierhost.api.CarrierExtension;
import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.plugins.PluginFailure;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded and started version of a carrier plugin: its own PF4J manager (so two versions of one id
 * can run side by side during a swap), its working folder, and its single cached extension instance.
 *
 * <p>Thread-safe: calls enter and leave through an atomic counter; {@link #retire} waits for the calls
 * in flight to finish before the class loader is closed, and refuses new ones meanwhile.
 */
public final class PluginGeneration implements Generation {

    private static final Logger log = LoggerFactory.getLogger(PluginGeneration.class);

    /** How long a plugin's leftover threads get to end after their interrupt. */
    private static final Duration THREAD_WAIT = Duration.ofSeconds(2);

    private final String carrierId;
    private final long number;
    private final PluginArchive archive;
    private final Path workDir;
    private final PluginManager manager;
    private final PluginWrapper wrapper;
    private final CarrierExtension extension;
    private final boolean local;
    private final boolean cnam;
    private final CrashJournal journal;
    private final DeclaredSettings declared;
    private final List<String> missing;
    private final org.carrierhost.api.CarrierCapabilities capabilities;
    private final Duration stopLimit;
    private final CallsInFlight inFlight = new CallsInFlight();

    PluginGeneration(String carrierId, long number, PluginArchive archive, Path workDir, PluginManager manager, PluginWrapper wrapper,
                     CarrierExtension extension, CrashJournal journal, Duration stopLimit, DeclaredSettings declared,
                     List<String> missing, org.carrierhost.api.CarrierCapabilities capabilities) {
        this.carrierId = carrierId;
        this.capabilities = capabilities;
        this.journal = journal;
        this.stopLimit = stopLimit;
        this.number = number;
        this.archive = archive;
        this.workDir = workDir;
        this.manager = manager;
        this.wrapper = wrapper;
        this.extension = extension;
        this.local = extension.isLocal();
        this.cnam = extension.shouldLookupCnam();
        this.declared = declared;
        this.missing = List.copyOf(missing);
    }

    /** The carrier id: the plugin id, or the id of the instance of the plugin it was loaded as. */
    @Override
    public String id() {
        return carrierId;
    }

    /** The plugin id. */
    @Override
    public String plugin() {
        return wrapper.getPluginId();
    }

    /** The plugin's version. */
    @Override
    public String version() {
        return wrapper.getDescriptor().getVersion();
    }

    /** The plugin's description. */
    @Override
    public String description() {
        return wrapper.getDescriptor().getPluginDescription();
    }

    /** The plugin's provider. */
    @Override
    public String provider() {
        return wrapper.getDescriptor().getProvider();
    }

    /** The zip it was loaded from, with its hash. */
    @Override
    public PluginArchive archive() {
        return archive;
    }

    /** Its sequence number among all generations this host loaded. */
    public long number() {
        return number;
    }

    /** Whether the carrier is local ({@code is_local}), as it said at load. */
    @Override
    public boolean local() {
        return local;
    }

    /** Whether CNAM lookup applies ({@code should_lookup_cnam}), as it said at load. */
    @Override
    public boolean cnam() {
        return cnam;
    }

    @Override
    public DeclaredSettings declaredSettings() {
        return declared;
    }

    @Override
    public List<String> missingSettings() {
        return missing;
    }

    @Override
    public org.carrierhost.api.CarrierCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public ClassLoader classLoader() {
        return wrapper.getPluginClassLoader();
    }

    @Override
    public CarrierExtension extension() {
        return extension;
    }

    /** Counts a call in; false once the generation is retiring, so the caller picks the newer one. */
    @Override
    public boolean enter() {
        return inFlight.enter();
    }

    /** Counts a call out. */
    @Override
    public void leave() {
        inFlight.leave();
    }

    /** How many calls are running on this generation. */
    @Override
    public int callsInFlight() {
        return inFlight.count();
    }

    /**
     * Refuses new calls, waits up to {@code drain} for those in flight, then stops the extension and the
     * plugin and unloads it (which closes its class loader), each within {@code stopLimit}, and deletes the
     * working folder.
     *
     * @return how the stop and the unload went
     */
    @Override
    public Retirement retire(Duration drain) {
        if (!inFlight.drain(drain)) {
            log.warn("{} generation {}: {} calls still running after the drain of {} ms; unloading anyway",
                    id(), number, inFlight.count(), drain.toMillis());
        }
        PluginFailure stopped = null;
        ClassLoader pluginLoader = classLoader();
        try (CrashJournal.Note ignored = journal.enter(plugin(), "stop()")) {
            TimeBox.call(id() + " " + version() + " CarrierExtension.stop()", stopLimit, classLoader(), () -> {
                extension.stop();
                return null;
            });
        } catch (PluginLoadException e) {
            stopped = e.failure();
        }
        PluginFailure unloaded = null;
        try {
            // unloadPlugin stops the PF4J plugin and closes its class loader; stopPlugins() is avoided (pf4j #656).
            String id = plugin();
            TimeBox.call(id() + " " + version() + " unload", stopLimit, classLoader(), () -> manager.unloadPlugin(id));
        } catch (PluginLoadException e) {
            unloaded = e.failure();
        }
        PluginThreads.Sweep threads = PluginThreads.sweep(pluginLoader, stopLimit.compareTo(THREAD_WAIT) < 0 ? stopLimit : THREAD_WAIT);
        PluginArchive.deleteQuietly(workDir);
        return new Retirement(stopped, unloaded, threads.describe(), threads.survivorIds());
    }

}
