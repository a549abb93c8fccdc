package org.carrierhost.host.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Decides when a zip in the drop-in directory is complete: its {@link FileSignature} must stay the same
 * across two observations at least the stability window apart, and its central directory must open (a
 * zip being copied has none yet). A zip that stays unchanged but unreadable for five windows is let
 * through anyway, so a corrupt zip gets its failure recorded instead of waiting forever.
 *
 * <p>Not thread-safe: confined to the watcher's one scanning thread.
 */
final class StableFileCheck {

    /** How many windows an unchanged but unreadable zip is waited for before its failure is reported. */
    private static final int UNREADABLE_WINDOWS = 5;

    private final long windowNanos;
    private final Map<Path, Observation> pending = new HashMap<>();

    StableFileCheck(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Whether {@code zip}, seen now with {@code signature}, is ready to deploy; false means look again later. */
    boolean ready(Path zip, FileSignature signature, long nowNanos) {
        Observation seen = pending.get(zip);
        if (seen == null || !seen.signature().equals(signature)) {
            pending.put(zip, new Observation(signature, nowNanos));
            return false;
        }
        long unchangedFor = nowNanos - seen.sinceNanos();
        if (unchangedFor < windowNanos) {
            return false;
        }
        if (opens(zip) || unchangedFor >= windowNanos * UNREADABLE_WINDOWS) {
            pending.remove(zip);
            return true;
        }
        return false;
    }

    /** Whether any file is waiting to become stable. */
    boolean waiting() {
        return !pending.isEmpty();
    }

    /** Forgets files no longer in the directory. */
    void retainOnly(Collection<Path> present) {
        pending.keySet().retainAll(present);
    }

    /** Whether {@code zip}'s central directory can be read. */
    static boolean opens(Path zip) {
        try (ZipFile ignored = new ZipFile(zip.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private record Observation(FileSignature signature, long sinceNanos) {
    }
}
