package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The watcher's one memory of each file in the drop-in directory ({@link FileObservation}), deciding when a
 * zip is complete and new: its {@link FileSignature} must stay the same across two observations at least
 * the stability window apart, and its central directory must open (a zip being copied has none yet). A zip
 * that stays unchanged but unreadable for five windows is let through anyway, so a corrupt zip gets its
 * failure recorded instead of waiting forever. Each signature is let through once; what its content does
 * is the lifecycle's to remember.
 *
 * <p>Not thread-safe: confined to the watcher's one scanning thread.
 */
final class StableFileCheck {

    /** How many windows an unchanged but unreadable zip is waited for before its failure is reported. */
    private static final int UNREADABLE_WINDOWS = 5;

    private final long windowNanos;
    private final Map<Path, FileObservation> seen = new HashMap<>();

    StableFileCheck(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Whether {@code zip}, seen now with {@code signature}, is ready to deploy: complete, and not let through
     * with this signature before. False means nothing to do now, or look again later.
     */
    boolean ready(Path zip, FileSignature signature, long nowNanos) {
        FileObservation known = seen.get(zip);
        if (known == null || !known.signature().equals(signature)) {
            seen.put(zip, new FileObservation(signature, nowNanos, false));
            return false;
        }
        if (known.handed()) {
            return false;
        }
        long unchangedFor = nowNanos - known.sinceNanos();
        if (unchangedFor < windowNanos) {
            return false;
        }
        if (opens(zip) || unchangedFor >= windowNanos * UNREADABLE_WINDOWS) {
            seen.put(zip, new FileObservation(signature, known.sinceNanos(), true));
            return true;
        }
        return false;
    }

    /** Whether any file is waiting to become stable. */
    boolean waiting() {
        return seen.values().stream().anyMatch(o -> !o.handed());
    }

    /** Forgets files no longer in the directory. */
    void retainOnly(Collection<Path> present) {
        seen.keySet().retainAll(present);
    }

    /** Whether {@code zip}'s central directory can be read. */
    static boolean opens(Path zip) {
        try (ZipFile ignored = new ZipFile(zip.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
