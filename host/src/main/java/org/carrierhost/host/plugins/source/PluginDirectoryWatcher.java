package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the drop-in directory and keeps the carriers in step with it: a new {@code *.zip} is deployed,
 * a replaced one is redeployed when its content (size and SHA-256) differs from what was deployed from
 * it, and a removed one is unloaded. A zip is deployed only once {@link StableFileCheck} finds it
 * complete. Hidden files, {@code *.part}, {@code *.tmp}, other files and folders are left alone.
 *
 * <p>The JDK {@link WatchService} makes changes visible at once; a periodic rescan catches what it
 * misses (overflow, file systems that do not report events). Every scan and deploy runs on one thread,
 * as actor {@code watcher}.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread; all scanning state
 * is confined to the scanning thread.
 */
public final class PluginDirectoryWatcher implements AutoCloseable {

    /** The actor of everything the watcher does, in the event log. */
    public static final String ACTOR = "watcher";

    private static final Logger log = LoggerFactory.getLogger(PluginDirectoryWatcher.class);

    private final DropInDirectory directory;
    private final DropInTarget target;
    private final Duration closeWait;
    private final Duration rescan;
    private final Duration stability;
    private final StableFileCheck stable;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plugin-watcher");
        t.setDaemon(true);
        return t;
    });
    private volatile WatchService watchService;

    /**
     * @param rescan    how often the directory is listed even without events ({@code plugins.rescan_ms})
     * @param stability how long a zip must stay unchanged before it is deployed ({@code plugins.stable_ms})
     * @param closeWait how long {@link #close()} waits for a deploy in progress
     */
    public PluginDirectoryWatcher(DropInDirectory directory, DropInTarget target, Duration rescan, Duration stability,
                                  Duration closeWait) {
        this.directory = directory;
        this.target = target;
        this.closeWait = closeWait;
        this.rescan = rescan;
        this.stability = stability;
        this.stable = new StableFileCheck(stability);
    }

    /** Starts watching; the first scan runs at once. */
    public void start() {
        Path dir = directory.path();
        try {
            WatchService service = dir.getFileSystem().newWatchService();
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watchService = service;
            Thread events = new Thread(() -> listen(service), "plugin-watcher-events");
            events.setDaemon(true);
            events.start();
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot watch {} ({}); relying on a rescan every {} ms", dir, e, rescan.toMillis());
        }
        scanner.scheduleWithFixedDelay(this::scan, 0, rescan.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void listen(WatchService service) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                requestScan();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // Closed: the watcher is stopping.
        }
    }

    /** Queues one scan soon; requests made while one is queued are folded into it. */
    private void requestScan() {
        if (scanQueued.compareAndSet(false, true)) {
            try {
                scanner.execute(() -> {
                    scanQueued.set(false);
                    scan();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Stopping.
            }
        }
    }

    /** One pass over the directory; never throws, so the schedule keeps running. */
    private void scan() {
        try {
            List<Path> zips = directory.zips();
            Set<Path> present = new HashSet<>(zips);
            for (Path known : target.knownFiles()) {
                if (!present.contains(known) && !Files.exists(known)) {
                    target.fileGone(known, ACTOR);
                }
            }
            stable.retainOnly(present);
            long now = System.nanoTime();
            for (Path zip : zips) {
                Optional<FileSignature> signature = FileSignature.of(zip);
                if (signature.isPresent() && stable.ready(zip, signature.get(), now)) {
                    target.deployIfChanged(zip, ACTOR);
                }
            }
            if (stable.waiting()) {
                // Look again once the window has passed rather than waiting for the next rescan.
                scanner.schedule(this::requestScan, stability.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("scanning {} failed; trying again on the next scan", directory.path(), e);
        }
    }

    /** Stops watching; a deploy in progress is interrupted (its time boxes fail it cleanly). */
    @Override
    public void close() {
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException ignored) {
                // Closing is best effort.
            }
        }
        scanner.shutdownNow();
        try {
            scanner.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
