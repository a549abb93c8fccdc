package org.carrierhost.host.plugins.source;

import java.nio.file.Path;

import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.PluginArchive;

/**
 * What the host knows of one zip file it deployed or tried: the one record of that file.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param file        the zip
 * @param content     its size and SHA-256 as last deployed or tried, or null when it could not even be read
 * @param carrier     the carrier it deploys as, or null when it never loaded (then {@code failure} says why)
 * @param failure     why it never loaded, or why it was refused; null when it deploys as {@code carrier}
 * @param duplicateOf the carrier it was refused as a second zip of, or null
 */
public record ZipRecord(Path file, PluginArchive content, String carrier, PluginFailure failure, String duplicateOf) {

    /** Whether it never loaded, or was refused: listed under its file name, it can be retried or removed. */
    public boolean neverLoaded() {
        return carrier == null && failure != null;
    }

    /** Its file name, under which a zip that never loaded is listed. */
    public String name() {
        return file.getFileName().toString();
    }
}
