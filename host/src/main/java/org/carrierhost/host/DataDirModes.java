package org.carrierhost.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keeps the data directory private to its owner: the directory 0700, and the registry's files and the
 * admin token 0600. On a file system without POSIX modes it does nothing.
 *
 * <p>Thread-safe: stateless.
 */
final class DataDirModes {

    private DataDirModes() {
    }

    /** Sets the modes on {@code dataDir} and on the files directly in it. */
    static void restrict(Path dataDir) throws IOException {
        if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("registry") || name.equals(AdminToken.FILE)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }
}
