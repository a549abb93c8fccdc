package org.carrierhost.host.plugins.isolation;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.NumberInventory;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.ArchiveLimits;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.GenerationLoader;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lifecycle's loader when carriers may run in processes of their own: a zip whose carrier's section says
 * {@code isolation=process}, or says nothing of it while {@code plugins.isolation=process} (the default), starts a
 * {@link ProcessGeneration}; every other loads in the host through the {@link GenerationLoader}: one that says
 * {@code isolation=in_process}, a zip that does not name its id (a manifest-only plugin), and an instance of a plugin
 * whose own section does not ask for a process. Quarantines are the in-host loader's, so a reload lifts either kind.
 *
 * <p>The child is the host's own {@code java} with the host's class path, started with no environment but
 * {@code PATH} and no system property of the host's, in its own folder under the working root, held to its
 * processors by {@link CpuLimit}. Its first message holds the carrier's own section and nothing else of the host's
 * settings, and its thread limit.
 *
 * <p>A suspect (a carrier the host died inside a call of, by the crash journal) is first tried in a process of its own
 * by {@link SuspectTrial}, whichever way it then runs.
 *
 * <p>Thread-safe: immutable settings, an atomic counter, the quarantine sink set once at wiring, and a trial that
 * is thread-safe.
 */
public final class IsolatingLoader implements Loader {

    /** The longest a child JVM may take to boot, on top of the plugin's own start limit. */
    private static final Duration BOOT = Duration.ofSeconds(20);

    private final GenerationLoader inHost;
    private final Path workRoot;
    private final Function<String, CarrierConfig> sections;
    private final Function<String, Path> dataDirs;
    private final NumberInventory inventory;
    private final String hostWide;
    private final Duration startLimit;
    private final Duration stopLimit;
    private final HostEvents events;
    private final AtomicLong generations = new AtomicLong(System.currentTimeMillis());
    private final SuspectTrial trials;
    private final AtomicReference<ProcessGeneration.Quarantine> quarantine = new AtomicReference<>((g, f) -> { });

    /**
     * @param inHost    the loader of carriers that run in the host, whose quarantines all carriers share
     * @param workRoot  where each process gets its own folder, for example {@code <data-dir>/plugins-work}
     * @param sections  carrier id to its section, read anew for each load
     * @param dataDirs  carrier id to its data directory
     * @param inventory the host's inventory, answered to a local carrier's process
     * @param hostWide  {@code plugins.isolation}: how a carrier whose section does not say runs
     */
    public IsolatingLoader(GenerationLoader inHost, Path workRoot, Function<String, CarrierConfig> sections,
                           Function<String, Path> dataDirs, NumberInventory inventory, String hostWide,
                           Duration startLimit, Duration stopLimit, HostEvents events) {
        this.inHost = inHost;
        this.workRoot = workRoot;
        this.sections = sections;
        this.dataDirs = dataDirs;
        this.inventory = inventory;
        this.hostWide = hostWide;
        this.startLimit = startLimit;
        this.stopLimit = stopLimit;
        this.events = events;
        this.trials = new SuspectTrial(inHost.journal(), stopLimit, events);
    }

    /** Where a carrier whose process keeps crashing is quarantined; set once the lifecycle exists. */
    public void quarantineWith(ProcessGeneration.Quarantine sink) {
        quarantine.set(sink);
    }

    @Override
    public ArchiveLimits limits() {
        return inHost.limits();
    }

    @Override
    public PluginArchive inspect(Path zip) throws PluginLoadException {
        return inHost.inspect(zip);
    }

    @Override
    public Generation load(PluginArchive archive) throws PluginLoadException {
        Optional<String> declaredId = archive.declaredId();
        if (declaredId.isEmpty() || !org.carrierhost.host.plugins.CarrierId.valid(declaredId.get())) {
            return inHost.load(archive);
        }
        String id = declaredId.get();
        CarrierConfig section = sections.apply(id);
        IsolationSettings settings = IsolationSettings.from(id, section, hostWide);
        trials.before(id, () -> launch(archive, id, section, settings, "-trial-"));
        if (!settings.isolated()) {
            return inHost.load(archive);
        }
        Optional<String> quarantined = inHost.quarantined(id);
        if (quarantined.isPresent()) {
            throw new PluginLoadException(PluginFailure.quarantined(quarantined.get(),
                    "lift it with POST /api/carriers/" + id + "/reload"));
        }
        ProcessLaunch launch = launch(archive, id, section, settings, "-process-");
        Path workDir = launch.workDir();
        try {
            return ProcessGeneration.start(archive, launch, settings, (g, f) -> quarantine.get().quarantine(g, f), events,
                    stopLimit, declared -> declared.missing(section));
        } catch (PluginLoadException e) {
            PluginArchive.deleteQuietly(workDir);
            throw e;
        }
    }

    /**
     * An instance of a plugin (issue 25) runs in the host's process: its own process would need the child to take
     * the instance's id, section and data, which it does not yet: {@code plugins.isolation} does not reach it. Asked
     * by its own section to isolate one, the load fails and says so.
     */
    @Override
    public Generation load(PluginArchive archive, String carrierId) throws PluginLoadException {
        if (carrierId != null && IsolationSettings.chosen(carrierId, sections.apply(carrierId))
                .filter(IsolationSettings.PROCESS::equals).isPresent()) {
            throw new PluginLoadException("an instance cannot run in a process of its own yet",
                    "carrier " + carrierId + " is an instance of a plugin; remove carrier." + carrierId
                            + ".isolation, or install the plugin under that id");
        }
        if (carrierId == null) {
            return load(archive);
        }
        // The journal notes a plugin's own id; its trial runs with the instance's section, as the load will.
        Optional<String> pluginId = archive.declaredId().filter(org.carrierhost.host.plugins.CarrierId::valid);
        if (pluginId.isPresent()) {
            CarrierConfig section = sections.apply(carrierId);
            trials.before(pluginId.get(), () -> launch(archive, carrierId, section, IsolationSettings.from(carrierId, section, hostWide), "-trial-"));
        }
        return inHost.load(archive, carrierId);
    }

    /** How to start carrier {@code id}'s process from {@code archive}, in a folder of its own named with {@code kind}. */
    private ProcessLaunch launch(PluginArchive archive, String id, CarrierConfig section, IsolationSettings settings, String kind) {
        Path workDir = workRoot.resolve(id + kind + archive.sha256().substring(0, 12) + "-" + generations.incrementAndGet());
        ObjectNode init = init(archive, workDir, id, section);
        init.put("maxThreads", settings.maxThreads());
        return new ProcessLaunch(id, command(id, settings), workDir, init, startLimit.plus(BOOT), inventory);
    }

    @Override
    public Optional<String> quarantined(String id) {
        return inHost.quarantined(id);
    }

    @Override
    public boolean lift(String id) {
        return inHost.lift(id);
    }

    @Override
    public void quarantine(String id, String reason) {
        inHost.quarantine(id, reason);
    }

    private ObjectNode init(PluginArchive archive, Path workDir, String id, CarrierConfig section) {
        ObjectNode init = Frames.message();
        init.put("zip", archive.file().toAbsolutePath().toString());
        init.put("work", workDir.resolve("plugin").toAbsolutePath().toString());
        init.put("data", dataDirs.apply(id).toAbsolutePath().toString());
        init.set("section", Frames.JSON.valueToTree(section.values()));
        ArchiveLimits limits = inHost.limits();
        ObjectNode l = init.putObject("limits");
        l.put("maxZipBytes", limits.maxZipBytes());
        l.put("maxEntries", limits.maxEntries());
        l.put("maxUnpackedBytes", limits.maxUnpackedBytes());
        l.put("maxRatio", limits.maxRatio());
        init.put("startMs", startLimit.toMillis());
        init.put("stopMs", stopLimit.toMillis());
        return init;
    }

    /** The host's class path, each entry made absolute: the child runs in a folder of its own. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            boolean wildcard = entry.equals("*") || entry.endsWith(File.separator + "*");
            String dir = wildcard ? entry.substring(0, entry.length() - 1) : entry;
            String absolute = Path.of(dir.isEmpty() ? "." : dir).toAbsolutePath().normalize().toString();
            entries.add(wildcard ? absolute + File.separator + "*" : absolute);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> command(String id, IsolationSettings settings) {
        List<String> command = new ArrayList<>(CpuLimit.pinning(id, settings.cpus()));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.maxHeapMb() + "m");
        command.addAll(CpuLimit.jvmOptions(settings.cpus()));
        command.add("-XX:+UseSerialGC");
        command.add("-Xms16m");
        command.add("-XX:ReservedCodeCacheSize=48m");
        command.add("-Xss512k");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // Its stderr tail is shown with a crash: the plugin's own last words, not the loader's INFO lines.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath());
        command.add(CarrierProcessMain.class.getName());
        return command;
    }
}
