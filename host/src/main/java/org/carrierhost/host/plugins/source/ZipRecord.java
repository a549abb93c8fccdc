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
 * @param shadowed    true when it is a zip of {@code carrier} that does not serve because another zip of the
 *                    id (a drop-in against an installed one) won the rule; {@code version} is then its version
 * @param version     the plugin version it declares, when it is shadowed; null otherwise
 */
public record ZipRecord(Path file, PluginArchive content, String carrier, PluginFailure failure, String duplicateOf,
                        boolean shadowed, String version) {

    /** Whether it never loaded, or was refused: listed under its file name, it can be retried or removed. */
    public boolean neverLoaded() {
        return carrier == null && failure != null;
    }

    /** Its file name, under which a zip that never loaded is listed. */
    public String name() {
        return file.getFileName().toString();
    }
}
