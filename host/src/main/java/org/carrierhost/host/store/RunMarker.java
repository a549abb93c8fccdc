package org.carrierhost.host.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file {@value #FILE} in the data directory, present while a host runs on it: written at start, removed by a
 * clean close. Finding it at start means the host before ended without closing (a SIGKILL, a power loss, a halt),
 * which is when the embedded store may hold part of a change that was committing at that moment
 * ({@link org.carrierhost.host.registry.TornChangeRepair}).
 *
 * <p>Thread-safe: immutable but for the file, which only {@link #take} writes and {@link #close} removes.
 */
public final class RunMarker implements AutoCloseable {

    /** The marker's file name in the data directory. */
    public static final String FILE = "host.running";

    private final Path file;
    private final boolean uncleanEndBefore;

    private RunMarker(Path file, boolean uncleanEndBefore) {
        this.file = file;
        this.uncleanEndBefore = uncleanEndBefore;
    }

    /** Notes that a host now runs on {@code dataDir}, and whether the one before ended without closing. */
    public static RunMarker take(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        boolean left = Files.exists(file);
        try {
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new RunMarker(file, left);
    }

    /** Whether the host that ran on this data directory before ended without a clean close. */
    public boolean uncleanEndBefore() {
        return uncleanEndBefore;
    }

    /** Removes the marker: this host ends cleanly. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return "run marker " + file;
    }
}
