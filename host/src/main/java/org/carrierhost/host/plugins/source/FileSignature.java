package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What a file looks like from outside, cheaply: its size, modification time and file key (the inode on
 * Unix). A change in any of them means the file may have new content and must be hashed again; the
 * decision to reload is then made on the content alone.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param size     its size in bytes
 * @param modified its modification time
 * @param key      the file system's key for it, or null where there is none
 */
record FileSignature(long size, FileTime modified, Object key) {

    /** The signature of {@code file} now; empty when it is gone or not a regular file. */
    static Optional<FileSignature> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new FileSignature(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
