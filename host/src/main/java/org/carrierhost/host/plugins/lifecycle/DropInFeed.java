package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.source.DropInDirectory;
import org.carrierhost.host.plugins.source.DropInTarget;

/**
 * What the drop-in watcher (and the start-up scan) tells the lifecycle, turned into its verbs: a zip to
 * deploy is {@link CarrierLifecycle#deploy}, a zip gone is {@link CarrierLifecycle#fileGone}. A failure is
 * recorded on the carrier or the file and in the event log, never thrown at the watcher.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class DropInFeed implements DropInTarget {

    /** The most zips a start loads at once: enough to overlap the boots of a few carrier processes. */
    static final int PARALLEL_LOADS = 4;

    private final CarrierLifecycle lifecycle;
    private final CarrierTable table;
    private final DropInDirectory directory;

    /** Feeds {@code directory}'s zips to {@code lifecycle}, whose carriers are in {@code table}. */
    public DropInFeed(CarrierLifecycle lifecycle, CarrierTable table, DropInDirectory directory) {
        this.lifecycle = lifecycle;
        this.table = table;
        this.directory = directory;
    }

    /**
     * Deploys every {@code *.zip} in the directory as {@code actor}, several carriers at once, and returns when all
     * are done. A carrier in a process of its own (the default) spends most of its load waiting for its JVM to boot,
     * so loading them one after another made a start wait for the sum of those boots. The zips that declare one
     * carrier id are deployed one after another in name order on one thread, as a sequential start took them, so
     * the first of them serves and the others wait as its alternatives.
     */
    public void loadAll(String actor) {
        List<List<Path>> carriers = byDeclaredId(directory.zips());
        if (carriers.size() < 2) {
            carriers.forEach(zips -> deployInOrder(zips, actor));
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService loaders = Executors.newFixedThreadPool(Math.min(carriers.size(), PARALLEL_LOADS), work -> {
            Thread thread = new Thread(work, "startup-load-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (List<Path> zips : carriers) {
                loads.add(loaders.submit(() -> deployInOrder(zips, actor)));
            }
            for (Future<?> load : loads) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    // deployIfChanged records its failures; anything else is a bug of the lifecycle's, as it would be here.
                    throw new IllegalStateException("loading the plugins directory failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the plugins directory loaded", e);
        } finally {
            loaders.shutdownNow();
        }
    }

    /** Deploys the zips of one carrier id one after another, in their order. */
    private void deployInOrder(List<Path> zips, String actor) {
        zips.forEach(zip -> deployIfChanged(zip, actor));
    }

    /**
     * The zips grouped by the carrier id their {@code plugin.properties} declares (a zip that declares none is a
     * group of its own, refused later as it would be alone), each group in the listing's name order.
     */
    static List<List<Path>> byDeclaredId(List<Path> zips) {
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (Path zip : zips) {
            String key = PluginArchive.declaredIdOf(zip).map(id -> "id:" + id).orElse("file:" + zip);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(zip);
        }
        return List.copyOf(groups.values());
    }

    @Override
    public void deployIfChanged(Path zip, String actor) {
        try {
            lifecycle.deploy(zip, actor);
        } catch (StandardException e) {
            // Recorded on the carrier or file, and in the event log.
        }
    }

    @Override
    public void fileGone(Path zip, String actor) {
        lifecycle.fileGone(zip, actor);
    }

    @Override
    public Set<Path> knownFiles() {
        Set<Path> known = new HashSet<>(table.files().files());
        table.all().forEach(s -> Optional.ofNullable(s.file()).ifPresent(known::add));
        return known;
    }
}
