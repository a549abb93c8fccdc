package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.source.ZipLedger;
import org.carrierhost.host.plugins.source.ZipRecord;

/**
 * The verbs on a zip that never loaded (its carrier unknown, or refused as a second zip of one), listed
 * under its file name: it can be retried or removed, nothing else. It is no carrier, so it has no state
 * and no carrier lock; these verbs are serialised by a lock of their own, and are this host's own
 * business, never told to the others.
 *
 * <p>Thread-safe: every verb runs under one lock.
 */
final class NeverLoadedZips {

    private final CarrierTable table;
    private final ZipLedger files;
    private final OperatorFiles operatorFiles;
    private final LifecycleSteps steps;
    private final ReentrantLock lock = new ReentrantLock();

    NeverLoadedZips(CarrierTable table, OperatorFiles operatorFiles, LifecycleSteps steps) {
        this.table = table;
        this.files = table.files();
        this.operatorFiles = operatorFiles;
        this.steps = steps;
    }

    /** Tries the zip listed as {@code name} again with {@code deploy}; empty when no such zip is listed. */
    Optional<CarrierView> retry(String name, Ask ask, Function<Path, CarrierView> deploy) {
        return on(name, ask, zip -> deploy.apply(zip.file()));
    }

    /** Forgets the zip listed as {@code name}, and lets go of its file; empty when no such zip is listed. */
    Optional<CarrierView> remove(String name, Ask ask) {
        return on(name, ask, zip -> {
            CarrierView last = table.view(name).orElseThrow();
            files.forget(zip.file());
            return letGo(zip.file(), name, ask).map(last::keptAt).orElse(last);
        });
    }

    /** Refuses {@code ask} (an enable or disable, {@code verbed}) of the zip listed as {@code name}, if there is one. */
    void refuse(String name, Ask ask, String verbed) {
        on(name, ask, zip -> {
            throw Refusals.invalid(name, "the zip " + name + " never loaded, so it cannot be " + verbed,
                    "retry it (reload) once it is fixed, or remove it");
        });
    }

    /**
     * Lets go of {@code file}, the zip of {@code owner} (a carrier, or a zip's name): an installed copy is
     * deleted, a drop-in kept for the operator under the data directory; what happened is logged.
     *
     * @return where the operator's zip is kept; empty for an installed copy, or when it could not be moved
     */
    Optional<Path> letGo(Path file, String owner, Ask ask) {
        try {
            Optional<Path> kept = operatorFiles.letGo(file);
            kept.ifPresent(at -> steps.ok(ask.actor(), CarrierAction.FILE_KEPT, owner + " " + file.getFileName() + " moved to " + at));
            return kept;
        } catch (StandardException e) {
            steps.failed(ask.actor(), CarrierAction.DELETE_REPLACED, owner + " " + file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Forgets {@code zips}, other zips of carrier {@code id} removed with it, and lets go of each. */
    void forget(List<Path> zips, String id, Ask ask) {
        for (Path zip : zips) {
            files.forget(zip);
            letGo(zip, id, ask);
        }
    }

    private Optional<CarrierView> on(String name, Ask ask, Function<ZipRecord, CarrierView> work) {
        lock.lock();
        try {
            Optional<ZipRecord> zip = files.neverLoaded(name);
            if (zip.isEmpty() || table.knows(name)) {
                return Optional.empty();
            }
            CarrierView view = work.apply(zip.get());
            steps.done(ask, name);
            return Optional.of(view);
        } catch (StandardException e) {
            steps.refused(ask, name, e.getMessage());
            throw e;
        } finally {
            lock.unlock();
        }
    }
}
