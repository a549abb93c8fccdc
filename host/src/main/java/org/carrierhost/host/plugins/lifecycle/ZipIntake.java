package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.util.Optional;

import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.source.ZipLedger;

/**
 * The first look at a zip, before any carrier's lock: its content, and the carrier it is for. A zip that
 * names its id in {@code plugin.properties} is only read; one that does not is loaded to learn it. A zip
 * whose carrier cannot be known is recorded in the {@link ZipLedger} as one that never loaded. It writes
 * no carrier state.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
final class ZipIntake {

    private final Loader loader;
    private final ZipLedger files;
    private final LifecycleSteps steps;

    ZipIntake(Loader loader, ZipLedger files, LifecycleSteps steps) {
        this.loader = loader;
        this.files = files;
        this.steps = steps;
    }

    /**
     * What {@code zip} is.
     *
     * @param skipUnchanged whether a zip with no declared id whose content was deployed before is left alone
     * @return its content, its carrier, and the generation loaded to learn it (if it was); empty when skipped
     * @throws StandardException {@code invalid} when its carrier cannot be known; recorded as never loaded
     */
    Optional<Intake> read(Path zip, String actor, boolean skipUnchanged) {
        PluginArchive archive;
        try {
            archive = loader.inspect(zip);
        } catch (PluginLoadException e) {
            throw neverLoaded(zip, actor, e.failure());
        }
        Optional<String> declared = archive.declaredId();
        if (declared.isPresent()) {
            if (!CarrierId.valid(declared.get())) {
                throw neverLoaded(zip, actor, PluginFailure.now("invalid plugin id", CarrierId.refusal(declared.get())));
            }
            return Optional.of(new Intake(archive, declared.get(), null));
        }
        // No plugin.properties id (a manifest plugin, or no descriptor): the id is known only once loaded.
        if (skipUnchanged && files.unchanged(archive)) {
            return Optional.empty();
        }
        files.trying(archive);
        try {
            Generation loaded = loader.load(archive);
            return Optional.of(new Intake(archive, loaded.id(), loaded));
        } catch (PluginLoadException e) {
            throw neverLoaded(zip, actor, e.failure());
        }
    }

    private StandardException neverLoaded(Path zip, String actor, PluginFailure failure) {
        files.neverLoaded(zip, failure);
        steps.loadFailed(actor, zip.getFileName().toString(), failure);
        return Refusals.invalid(null, failure);
    }

    /**
     * A zip read.
     *
     * @param archive its content
     * @param id      the carrier it is for
     * @param loaded  the generation loaded to learn the id, or null when it was declared
     */
    record Intake(PluginArchive archive, String id, Generation loaded) {
    }
}
