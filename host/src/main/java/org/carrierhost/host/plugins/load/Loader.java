package org.carrierhost.host.plugins.load;

import java.nio.file.Path;
import java.util.Optional;

/**
 * From a zip to a started {@link Generation}: the lifecycle's one way into plugin loading. It knows no
 * carrier table, directory or HTTP. {@link GenerationLoader} is the real one; tests of the lifecycle fake it.
 *
 * <p>Implementations are thread-safe.
 */
public interface Loader {

    /** What a zip may hold. */
    ArchiveLimits limits();

    /** Reads the zip's hash, size and declared id without loading it. */
    PluginArchive inspect(Path zip) throws PluginLoadException;

    /**
     * Loads and starts the plugin in {@code archive}.
     *
     * @throws PluginLoadException naming the step that failed and why; nothing of it is left running
     */
    Generation load(PluginArchive archive) throws PluginLoadException;

    /** Why carrier {@code id} is quarantined; empty when it is not. */
    Optional<String> quarantined(String id);

    /** Lifts carrier {@code id}'s quarantine; true when there was one. */
    boolean lift(String id);
}
