package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * An upload written and checked, not yet in place.
 *
 * <p>Thread-safe: an immutable value; placing it is for the one install that staged it.
 *
 * @param temp   the hidden temporary file
 * @param id      the plugin id it declares
 * @param version the plugin version it declares
 * @param target where it goes: {@code carrier-<id>-<version>.zip} in the install directory
 * @param sha256  the hex SHA-256 of its content
 */
public record StagedZip(Path temp, String id, String version, Path target, String sha256) implements AutoCloseable {

    /** Moves the upload into place, keeping a copy of the file it replaces. */
    public PlacedZip place() {
        Path backup = null;
        try {
            if (Files.exists(target)) {
                // A copy, not a move: the watcher must never see the serving zip disappear.
                backup = temp.resolveSibling(temp.getFileName() + ".bak");
                Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new PlacedZip(target, backup);
        } catch (IOException e) {
            if (backup != null) {
                PluginInstaller.deleteQuietly(backup);
            }
            throw PluginInstaller.diskFailure("move the zip into the install directory " + target.getParent(), e);
        }
    }

    /** Deletes the temporary file if it was never placed. */
    @Override
    public void close() {
        PluginInstaller.deleteQuietly(temp);
    }
}
