package org.carrierhost.host.plugins.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.api.CarrierApi;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.PluginFailure;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Turns an operator's zip into a started {@link PluginGeneration}, or into a {@link PluginLoadException}
 * that says why not.
 *
 * <p>The zip is copied (unpacked) into a folder of the host's own, named for its content hash and a
 * generation number, and PF4J works only there: it never touches the operator's file, never shares a
 * folder between generations, and never decides by file times. Each generation has its own
 * {@link DefaultPluginManager}, whose system version is the api version so {@code plugin.requires} is
 * enforced.
 *
 * <p>Thread-safe: holds only immutable settings and an atomic generation counter; each load works in its
 * own folder.
 */
public final class GenerationLoader implements Loader {

    private static final String PLUGIN_FOLDER = "plugin";

    private final Path workRoot;
    private final ArchiveLimits limits;
    private final Duration startLimit;
    private final Duration stopLimit;
    private final CarrierContextFactory contexts;
    private final CrashJournal journal;
    private final AtomicLong generations = new AtomicLong(System.currentTimeMillis());

    /**
     * @param workRoot   where working copies live, for example {@code <data-dir>/plugins-work}
     * @param startLimit how long a constructor or {@code start} may take
     * @param stopLimit  how long a {@code stop} or unload may take
     * @param journal    where calls into plugin lifecycle code are noted, and quarantines kept
     */
    public GenerationLoader(Path workRoot, ArchiveLimits limits, Duration startLimit, Duration stopLimit,
                            CarrierContextFactory contexts, CrashJournal journal) {
        this.journal = journal;
        this.workRoot = workRoot;
        this.limits = limits;
        this.startLimit = startLimit;
        this.stopLimit = stopLimit;
        this.contexts = contexts;
    }

    @Override
    public ArchiveLimits limits() {
        return limits;
    }

    /**
     * Empties the working-copy folder, so a previous run's copies go; operators' zips live elsewhere.
     *
     * @throws IOException when a stale copy cannot be deleted
     */
    public void clearWorkRoot() throws IOException {
        if (Files.isDirectory(workRoot)) {
            try (var paths = Files.walk(workRoot)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(workRoot)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        Files.createDirectories(workRoot);
    }

    /** The crash journal and quarantines. */
    public CrashJournal journal() {
        return journal;
    }

    /** How long a {@code stop} or unload may take. */
    public Duration stopLimit() {
        return stopLimit;
    }

    @Override
    public Optional<String> quarantined(String id) {
        return journal.quarantined(id);
    }

    @Override
    public void quarantine(String id, String reason) {
        journal.quarantine(id, reason);
    }

    @Override
    public boolean lift(String id) {
        return journal.lift(id);
    }

    @Override
    public PluginArchive inspect(Path zip) throws PluginLoadException {
        return PluginArchive.inspect(zip, limits);
    }

    /**
     * Loads and starts the plugin in {@code archive}.
     *
     * @throws PluginLoadException naming the step that failed and why; nothing of it is left running
     */
    @Override
    public PluginGeneration load(PluginArchive archive) throws PluginLoadException {
        return load(archive, null);
    }

    /**
     * Loads and starts the plugin in {@code archive} as carrier {@code carrierId}: an instance of the plugin, with
     * the section, data directory and declared settings of that id (null: the plugin's own id).
     *
     * @throws PluginLoadException naming the step that failed and why; nothing of it is left running
     */
    @Override
    public PluginGeneration load(PluginArchive archive, String carrierId) throws PluginLoadException {
        Opened opened = open(archive);
        String id = opened.wrapper().getPluginId();
        try {
            String loadedId = carrierId == null ? id : carrierId;
            PluginWrapper wrapper = opened.wrapper();
            CarrierExtension extension = opened.extension();
            CarrierContext context = contexts.create(loadedId, extension.isLocal());
            DeclaredSettings declared = declaredSettings(loadedId, wrapper, extension);
            List<String> problems = declared.problems(context.config());
            if (!problems.isEmpty()) {
                throw new PluginLoadException("invalid setting", String.join("; ", problems));
            }
            try (CrashJournal.Note ignored = journal.enter(id, "start()")) {
                TimeBox.call(loadedId + " CarrierExtension.start()", startLimit, wrapper.getPluginClassLoader(), () -> {
                    extension.start(context);
                    return null;
                });
            }
            return new PluginGeneration(loadedId, opened.number(), archive, opened.workDir(), opened.manager(), wrapper,
                    extension, journal, stopLimit, declared, declared.missing(context.config()),
                    capabilities(loadedId, wrapper, extension));
        } catch (PluginLoadException | RuntimeException | Error e) {
            abandon(opened.manager(), id, opened.workDir());
            throw failure(e);
        }
    }

    /**
     * What the plugin in {@code archive} declares of its settings, read without starting its carrier: it is loaded
     * as for {@link #load}, asked, then unloaded. For {@code --help}.
     *
     * @throws PluginLoadException naming the step that failed and why; nothing of it is left running
     */
    public DeclaredSettings declarations(PluginArchive archive) throws PluginLoadException {
        Opened opened = open(archive);
        String id = opened.wrapper().getPluginId();
        try {
            return declaredSettings(id, opened.wrapper(), opened.extension());
        } catch (PluginLoadException | RuntimeException | Error e) {
            throw failure(e);
        } finally {
            abandon(opened.manager(), id, opened.workDir());
        }
    }

    /**
     * The plugin in {@code archive} unpacked into a folder of its own, screened, loaded by a manager of its own,
     * started, and its one extension made; on failure nothing of it is left.
     */
    private Opened open(PluginArchive archive) throws PluginLoadException {
        long number = generations.incrementAndGet();
        String stem = archive.file().getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        Path workDir = workRoot.resolve(stem + "-" + archive.sha256().substring(0, 12) + "-" + number);
        Path pluginDir = workDir.resolve(PLUGIN_FOLDER);
        DefaultPluginManager manager = null;
        String id = null;
        try {
            // Containment (issue 11): unpacked, screened and id-checked before any plugin class loads.
            archive.unpackTo(pluginDir, limits);
            requireDescriptor(pluginDir);
            BytecodeScreen.screen(pluginDir, limits);
            manager = new DefaultPluginManager(workDir);
            manager.setSystemVersion(CarrierApi.VERSION);
            id = loadPlugin(manager, pluginDir);
            if (!CarrierId.valid(id)) {
                throw new PluginLoadException("invalid plugin id", CarrierId.refusal(id));
            }
            Optional<String> quarantine = journal.quarantined(id);
            if (quarantine.isPresent()) {
                throw new PluginLoadException(PluginFailure.quarantined(quarantine.get(),
                        "lift it with POST /api/carriers/" + id + "/reload"));
            }
            PluginWrapper wrapper = manager.getPlugin(id);
            requireCompatible(manager, wrapper);
            start(manager, wrapper);
            return new Opened(number, workDir, manager, wrapper, createExtension(manager, wrapper));
        } catch (PluginLoadException | RuntimeException | Error e) {
            abandon(manager, id, workDir);
            throw failure(e);
        }
    }

    /** {@code e} as the failure of a load: any Error too, an OutOfMemoryError included, is explained, never fatal. */
    private static PluginLoadException failure(Throwable e) {
        if (e instanceof PluginLoadException ple) {
            return ple;
        }
        return new PluginLoadException(e instanceof Error ? "loading failed with " + e.getClass().getSimpleName()
                : "loading failed", e);
    }

    /** A plugin loaded and started in its own manager and folder, with its one extension made. */
    private record Opened(long number, Path workDir, DefaultPluginManager manager, PluginWrapper wrapper,
                          CarrierExtension extension) {
    }

    private static void requireDescriptor(Path pluginDir) throws PluginLoadException {
        if (!Files.isRegularFile(pluginDir.resolve("plugin.properties"))
                && !Files.isRegularFile(pluginDir.resolve("META-INF/MANIFEST.MF"))) {
            throw new PluginLoadException("no plugin descriptor",
                    "the zip has neither plugin.properties nor META-INF/MANIFEST.MF at its root");
        }
    }

    private static String loadPlugin(PluginManager manager, Path pluginDir) throws PluginLoadException {
        try {
            String id = manager.loadPlugin(pluginDir);
            if (id == null) {
                throw new PluginLoadException("PF4J did not load the plugin", (String) null);
            }
            return id;
        } catch (RuntimeException e) {
            throw new PluginLoadException("invalid plugin", e.getMessage() == null ? TimeBox.describe(e) : e.getMessage());
        }
    }

    private static void requireCompatible(PluginManager manager, PluginWrapper wrapper) throws PluginLoadException {
        String requires = wrapper.getDescriptor().getRequires();
        if (!manager.getVersionManager().checkVersionConstraint(CarrierApi.VERSION, requires)) {
            throw new PluginLoadException("plugin.requires not met",
                    wrapper.getPluginId() + " requires api " + requires + " but this host provides " + CarrierApi.VERSION);
        }
    }

    private void start(PluginManager manager, PluginWrapper wrapper) throws PluginLoadException {
        String id = wrapper.getPluginId();
        PluginState state;
        try (CrashJournal.Note ignored = journal.enter(id, "Plugin.start()")) {
            state = TimeBox.call(id + " Plugin.start()", startLimit, wrapper.getPluginClassLoader(),
                    () -> manager.startPlugin(id));
        }
        if (state != PluginState.STARTED) {
            Throwable why = wrapper.getFailedException();
            throw new PluginLoadException(id + " did not start (state " + state + ")",
                    why == null ? null : TimeBox.describe(why));
        }
    }

    /** What the carrier declares of its settings; a declaration that throws or is malformed fails the load, named. */
    private DeclaredSettings declaredSettings(String id, PluginWrapper wrapper, CarrierExtension extension)
            throws PluginLoadException {
        List<CarrierSetting> declared;
        try (CrashJournal.Note ignored = journal.enter(id, "settings()")) {
            declared = TimeBox.call(id + " CarrierExtension.settings()", startLimit, wrapper.getPluginClassLoader(),
                    () -> List.copyOf(extension.settings()));
        }
        return new DeclaredSettings(id, declared);
    }

    /** What the carrier says its search can answer; a declaration that throws or is malformed fails the load, named. */
    private org.carrierhost.api.CarrierCapabilities capabilities(String id, PluginWrapper wrapper, CarrierExtension extension)
            throws PluginLoadException {
        org.carrierhost.api.CarrierCapabilities declared;
        try (CrashJournal.Note ignored = journal.enter(id, "capabilities()")) {
            declared = TimeBox.call(id + " CarrierExtension.capabilities()", startLimit, wrapper.getPluginClassLoader(),
                    extension::capabilities);
        }
        if (declared == null) {
            throw new PluginLoadException("invalid capabilities", id + " CarrierExtension.capabilities() returned null");
        }
        // Copied through the record's constructor, so nothing of the plugin's own collections is kept.
        return new org.carrierhost.api.CarrierCapabilities(declared.countries(), declared.types(), declared.filters(),
                declared.attributes(), declared.maxQuantity());
    }

    private CarrierExtension createExtension(PluginManager manager, PluginWrapper wrapper) throws PluginLoadException {
        String id = wrapper.getPluginId();
        List<Class<? extends CarrierExtension>> classes = manager.getExtensionClasses(CarrierExtension.class, id);
        if (classes.isEmpty()) {
            Set<String> listed = manager.getExtensionClassNames(id);
            throw new PluginLoadException("no CarrierExtension in plugin " + id, listed.isEmpty()
                    ? "no META-INF/extensions.idx in its jars lists one; annotate the carrier class with @Extension"
                    : "listed extensions " + listed + " are not loadable CarrierExtension classes");
        }
        if (classes.size() > 1) {
            List<String> names = new ArrayList<>();
            classes.forEach(c -> names.add(c.getName()));
            throw new PluginLoadException("plugin " + id + " has " + classes.size() + " CarrierExtensions; exactly one is allowed",
                    String.join(", ", names));
        }
        Class<? extends CarrierExtension> type = classes.get(0);
        try (CrashJournal.Note ignored = journal.enter(id, "the constructor of " + type.getName())) {
            return constructExtension(manager, wrapper, type);
        }
    }

    private CarrierExtension constructExtension(PluginManager manager, PluginWrapper wrapper,
                                                Class<? extends CarrierExtension> type) throws PluginLoadException {
        return TimeBox.call("constructor of " + type.getName(), startLimit, wrapper.getPluginClassLoader(), () -> {
            try {
                return type.cast(manager.getExtensionFactory().create(type));
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null && (root instanceof org.pf4j.PluginRuntimeException
                        || root instanceof java.lang.reflect.InvocationTargetException)) {
                    root = root.getCause();
                }
                throw root instanceof Exception ex ? ex : e;
            }
        });
    }

    private void abandon(PluginManager manager, String id, Path workDir) {
        if (id != null) {
            ClassLoader pluginLoader = manager.getPlugin(id) == null ? null : manager.getPlugin(id).getPluginClassLoader();
            try {
                TimeBox.call("unload after a failed load", stopLimit, getClass().getClassLoader(), () -> manager.unloadPlugin(id));
            } catch (PluginLoadException ignored) {
                // The load already failed with its own reason; this is clean-up.
            }
            PluginThreads.sweep(pluginLoader, stopLimit);
        }
        PluginArchive.deleteQuietly(workDir);
    }
}
