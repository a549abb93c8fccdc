package org.carrierhost.host.plugins.source;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the drop-in watcher tells: a zip to deploy (new, or changed), and a zip that went. The lifecycle
 * implements it with its verbs, so the watcher knows nothing above this package.
 *
 * <p>Implementations are thread-safe.
 */
public interface DropInTarget {

    /** Deploys {@code zip} unless its content is what was last deployed from it; a failure is recorded, not thrown. */
    void deployIfChanged(Path zip, String actor);

    /** The operator took {@code zip} away. */
    void fileGone(Path zip, String actor);

    /** The files deployed or tried, that a removal must be told for. */
    Set<Path> knownFiles();
}
