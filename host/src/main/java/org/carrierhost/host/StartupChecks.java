package org.carrierhost.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks a start makes before any plugin loads, each failing with a message that names what is wrong.
 *
 * <p>Thread-safe: stateless.
 */
final class StartupChecks {

    private StartupChecks() {
    }

    /**
     * Creates {@code dataDir} if needed and proves it writable by writing and deleting a file in it.
     *
     * @throws UncheckedIOException naming the directory when it cannot be written
     */
    static void dataDirWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException("data directory " + dataDir + " is not writable: " + e, e);
        }
    }
}
