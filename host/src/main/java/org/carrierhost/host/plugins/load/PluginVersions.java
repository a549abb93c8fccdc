package org.carrierhost.host.plugins.load;

import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * The order of plugin versions, as PF4J reads them (semantic versions); a version PF4J cannot read is
 * ordered by its text, so every pair has an order.
 *
 * <p>Thread-safe: PF4J's version manager is stateless.
 */
public final class PluginVersions {

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private PluginVersions() {
    }

    /** Negative when {@code a} is older than {@code b}, zero when the same, positive when newer. */
    public static int compare(String a, String b) {
        try {
            return VERSIONS.compareVersions(a, b);
        } catch (RuntimeException e) {
            return a.compareTo(b);
        }
    }
}
