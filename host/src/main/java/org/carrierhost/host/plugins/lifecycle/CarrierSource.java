package org.carrierhost.host.plugins.lifecycle;

import java.util.Locale;

/**
 * Where a carrier's zip came from: dropped into this host's own directory, or installed through the API
 * on some host of the cluster and stored in the shared database.
 *
 * <p>Thread-safe: an enum.
 */
public enum CarrierSource {
    /** A zip in this host's drop-in directory; it stays this host's own. */
    DIRECTORY,
    /** A zip installed through the API and stored in the database, which every host deploys. */
    CLUSTER;

    /** The name the API uses: {@code directory} or {@code cluster}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
