package org.carrierhost.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, at start, the temporary files of uploads that were never answered: a plugin upload is written to
 * a hidden {@code .install-<uuid>.tmp} in the install directory before it is checked and moved into place,
 * and a host killed meanwhile leaves it there. They are the host's own files, never an operator's; the
 * installed {@code carrier-<id>-<version>.zip} files are left alone.
 *
 * <p>Thread-safe: stateless; run once before the plugins load.
 */
final class StrayUploads {

    private static final Logger log = LoggerFactory.getLogger(StrayUploads.class);

    private StrayUploads() {
    }

    /** Deletes the unanswered uploads' temporary files in {@code installDir}; how many. */
    static int clean(Path installDir) {
        if (!Files.isDirectory(installDir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> stray = Files.newDirectoryStream(installDir, ".install-*.tmp")) {
            for (Path file : stray) {
                try {
                    Files.deleteIfExists(file);
                    removed++;
                } catch (IOException e) {
                    log.warn("cannot remove the unanswered upload {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {} for unanswered uploads: {}", installDir, e.toString());
        }
        if (removed > 0) {
            log.info("removed {} unanswered uploads from {}", removed, installDir);
        }
        return removed;
    }
}
