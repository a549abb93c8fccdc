package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * An upload in place.
 *
 * <p>Thread-safe: an immutable value; committing or rolling back is for the one install that placed it.
 *
 * @param target the installed zip
 * @param backup the file it replaced, kept aside; null when there was none
 */
public record PlacedZip(Path target, Path backup) {

    /** The install stands: drops the kept copy. */
    public void commit() {
        if (backup != null) {
            PluginInstaller.deleteQuietly(backup);
        }
    }

    /** The install failed: puts back the replaced file, or removes the new one if it replaced nothing. */
    public void rollBack() {
        try {
            if (backup != null) {
                Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            throw StandardException.of(ErrorCode.INVALID, "the install failed and " + target.getFileName()
                    + " could not be put back", e.toString());
        }
    }
}
