package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;

/**
 * A zip of a carrier that does not serve because another zip of the id won the rule (a drop-in against an
 * installed zip: the higher version serves, the drop-in on a tie).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param file    the zip
 * @param version the plugin version it declares
 */
public record ShadowedZip(Path file, String version) {
}
