package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
    private final Duration pairWait;
    /** Zips complete but with no {@code x.zip.asc} yet, and since when (nanos) they wait for one; confined to the scanning thread. */
    private final Map<Path, Long> unpaired = new HashMap<>();
    /** Each zip's {@code x.zip.asc} as last seen (empty: none); confined to the scanning thread. */
    private final Map<Path, Optional<FileSignature>> signaturesSeen = new HashMap<>();
    /** Since when (nanos) each zip's {@code x.zip.asc} is as last seen; confined to the scanning thread. */
    private final Map<Path, Long> signatureSince = new HashMap<>();
    /** Zips handed on whose {@code x.zip.asc} changed since, to be judged again once it settles; confined to the scanning thread. */
    private final Set<Path> signatureChanged = new HashSet<>();
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
        this(directory, target, rescan, stability, closeWait, Duration.ZERO);
    }

    /**
     * As the constructor without {@code pairWait}, where a zip with no signature beside it waits up to
     * {@code pairWait} ({@code plugins.trust.pair_ms}) for its {@code x.zip.asc} before it is deployed; a
     * signature that comes later has it deployed again.
     */
    public PluginDirectoryWatcher(DropInDirectory directory, DropInTarget target, Duration rescan, Duration stability,
                                  Duration closeWait, Duration pairWait) {
        this.pairWait = pairWait;
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
            unpaired.keySet().retainAll(present);
            signaturesSeen.keySet().retainAll(present);
            signatureSince.keySet().retainAll(present);
            signatureChanged.retainAll(present);
            long now = System.nanoTime();
            for (Path zip : zips) {
                Optional<FileSignature> signature = FileSignature.of(zip);
                Optional<FileSignature> asc = FileSignature.of(zip.resolveSibling(zip.getFileName() + ".asc"));
                Optional<FileSignature> ascBefore = signaturesSeen.put(zip, asc);
                if (ascBefore == null || !ascBefore.equals(asc)) {
                    signatureSince.put(zip, now);
                    if (ascBefore != null) {
                        signatureChanged.add(zip);
                    }
                }
                // A signature file is read only once it has stayed unchanged for the stability window, as a zip is.
                boolean ascSettled = now - signatureSince.get(zip) >= stability.toNanos();
                if (signature.isPresent() && stable.ready(zip, signature.get(), now)) {
                    if (!pairWait.isZero() && !(asc.isPresent() && ascSettled)) {
                        unpaired.put(zip, now);
                        continue;
                    }
                    unpaired.remove(zip);
                    signatureChanged.remove(zip);
                    target.deployIfChanged(zip, ACTOR);
                } else if (unpaired.containsKey(zip)) {
                    boolean waitedEnough = asc.isEmpty() && now - unpaired.get(zip) >= pairWait.toNanos();
                    if (asc.isPresent() && ascSettled || waitedEnough) {
                        unpaired.remove(zip);
                        signatureChanged.remove(zip);
                        target.deployIfChanged(zip, ACTOR);
                    }
                } else if (signatureChanged.contains(zip) && ascSettled) {
                    // A signature came, went or changed beside a zip already handed on: judged again.
                    signatureChanged.remove(zip);
                    target.deployIfChanged(zip, ACTOR);
                }
            }
            if (!unpaired.isEmpty() || !signatureChanged.isEmpty()) {
                scanner.schedule(this::requestScan, Math.max(50, Math.min(stability.toMillis(), pairWait.isZero()
                        ? stability.toMillis() : pairWait.toMillis() / 4)), TimeUnit.MILLISECONDS);
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
