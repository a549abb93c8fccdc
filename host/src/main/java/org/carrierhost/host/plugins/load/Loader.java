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

    /**
     * Loads and starts the plugin in {@code archive} as carrier {@code carrierId}, an instance of it with that
     * id's own section and data; a loader that cannot says so.
     *
     * @throws PluginLoadException naming the step that failed and why; nothing of it is left running
     */
    default Generation load(PluginArchive archive, String carrierId) throws PluginLoadException {
        throw new PluginLoadException("this host cannot load instances of plugins", "carrier " + carrierId);
    }

    /** Why carrier {@code id} is quarantined; empty when it is not. */
    Optional<String> quarantined(String id);

    /** Quarantines carrier {@code id} for {@code reason} until an operator lifts it; kept across restarts. */
    default void quarantine(String id, String reason) {
    }

    /** Lifts carrier {@code id}'s quarantine; true when there was one. */
    boolean lift(String id);
}
