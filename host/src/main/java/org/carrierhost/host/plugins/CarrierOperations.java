package org.carrierhost.host.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;

/**
 * What an operator asks of one carrier at runtime: enable, disable, reload, install and remove. Each runs
 * under the carrier's lifecycle lock, persists what must survive a restart before it reports success, and
 * writes its outcome, with how long it took (waiting for the lock included), to the event log.
 *
 * <p>Thread-safe: all state lives in the {@link PluginLifecycle}, the slots and the state store, which
 * are thread-safe; operations on one carrier are serialised by its lock.
 */
public final class CarrierOperations {

    private final PluginLifecycle lifecycle;
    private final PluginInstaller installer;

    public CarrierOperations(PluginLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.installer = new PluginInstaller(lifecycle.pluginsDir(), lifecycle.loader());
    }

    /**
     * Persists carrier {@code id} as enabled and loads it from its zip if nothing serves.
     *
     * @throws StandardException {@code not_found} for an unknown id; {@code invalid} when it cannot load
     *                           (it stays enabled, and the reason is recorded on it)
     */
    public CarrierView enable(String id, String actor) {
        return locked(id, CarrierAction.ENABLE, actor, slot -> {
            lifecycle.states().setEnabled(id, true, actor);
            slot.enabled(true);
            Path file = slot.file();
            if (slot.live() == null && file != null && Files.isRegularFile(file)) {
                return lifecycle.deploy(file, actor, PluginLifecycle.Mode.ALWAYS);
            }
            return slot.view();
        });
    }

    /**
     * Persists carrier {@code id} as disabled, then drains and unloads its serving version. Its zip stays.
     *
     * @throws StandardException {@code not_found} for an unknown id; {@code invalid} for a zip that never
     *                           loaded (listed under its file name), which can only be retried or removed
     */
    public CarrierView disable(String id, String actor) {
        return locked(id, CarrierAction.DISABLE, actor, slot -> {
            if (isFailedZip(slot)) {
                throw invalid(id, "the zip " + id + " never loaded, so it cannot be disabled",
                        "retry it (reload) once it is fixed, or remove it");
            }
            lifecycle.states().setEnabled(id, false, actor);
            slot.enabled(false);
            lifecycle.stopServing(slot, actor);
            return slot.view();
        });
    }

    /**
     * Loads a new generation of carrier {@code id} from its zip, even when the content is unchanged (a
     * fresh class loader), and swaps it in; the old one serves until then, and keeps serving on failure.
     *
     * @throws StandardException {@code not_found} for an unknown id; {@code invalid} when it is disabled,
     *                           has no zip, or the new generation fails
     */
    public CarrierView reload(String id, String actor) {
        return locked(id, CarrierAction.RELOAD, actor, slot -> {
            if (!slot.enabled()) {
                throw invalid(id, "carrier " + id + " is disabled", "enable it to load it");
            }
            Path file = slot.file();
            if (file == null || !Files.isRegularFile(file)) {
                throw invalid(id, "carrier " + id + " has no zip to reload from", file == null ? null : file + " is gone");
            }
            if (lifecycle.loader().journal().lift(id)) {
                lifecycle.events().publish(CarrierEvent.ok(actor, CarrierAction.QUARANTINE_LIFTED, id));
            }
            return lifecycle.deploy(file, actor, PluginLifecycle.Mode.ALWAYS);
        });
    }

    /**
     * Unloads carrier {@code id} and deletes its zip from the drop-in directory, as the operator asked.
     *
     * @return the carrier as it now stands: {@code UNLOADED} if it served since startup, else gone
     * @throws StandardException {@code not_found} for an unknown id
     */
    public CarrierView remove(String id, String actor) {
        return locked(id, CarrierAction.REMOVE, actor, slot -> {
            Path file = slot.file();
            lifecycle.unloadSlot(slot, actor);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw invalid(id, "carrier " + id + " is unloaded but its zip cannot be deleted", e.toString());
                }
            }
            return slot.view();
        });
    }

    /**
     * The operator took {@code zip} away from the drop-in directory: unloads the carrier it served (listed
     * as {@code UNLOADED} if it served since startup, else forgotten), forgets a failure recorded on the
     * file itself, and lets a zip refused as a duplicate of that carrier load in its place.
     */
    public void fileRemoved(Path zip, String actor) {
        lifecycle.directory().forget(zip);
        lifecycle.forgetFileFailure(zip);
        for (CarrierSlot slot : lifecycle.table().all()) {
            if (!zip.equals(slot.file())) {
                continue;
            }
            slot.lifecycleLock().lock();
            try {
                if (zip.equals(slot.file())) {
                    lifecycle.unloadSlot(slot, actor);
                    lifecycle.events().publish(CarrierEvent.ok(actor, CarrierAction.FILE_REMOVED, slot.id() + " from " + zip.getFileName()));
                }
            } finally {
                slot.lifecycleLock().unlock();
            }
            deployRefusedDuplicate(slot.id(), actor);
        }
    }

    private void deployRefusedDuplicate(String id, String actor) {
        String refusal = PluginFailure.duplicateOf(id, null).message();
        lifecycle.directory().remembered().stream().filter(file -> lifecycle.table().existing(file.getFileName().toString())
                        .map(s -> s.failure() != null && s.failure().kind() == PluginFailure.Kind.DUPLICATE_ID
                                && refusal.equals(s.failure().message())).orElse(false))
                .findFirst().ifPresent(file -> {
                    try {
                        lifecycle.deploy(file, actor);
                    } catch (StandardException e) {
                        // Recorded on the carrier or file, and in the event log.
                    }
                });
    }

    /**
     * Writes {@code zip} into the drop-in directory as {@code carrier-<id>-<version>.zip} and deploys it
     * through the same path as a drop-in. An older version of the id in another file keeps serving until
     * the new one serves, and only then is that file deleted. A failed install leaves the directory as it
     * was.
     *
     * @throws StandardException {@code invalid} naming why the zip cannot be installed or cannot serve
     */
    public CarrierView install(byte[] zip, String actor) {
        try (PluginInstaller.Staged staged = installer.stage(zip)) {
            String id = staged.id();
            CarrierSlot slot = lifecycle.table().slot(id);
            slot.lifecycleLock().lock();
            try {
                Path previousFile = slot.file();
                PluginArchive previousContent = slot.live() == null ? null : slot.live().archive();
                PluginInstaller.Placed placed = staged.place();
                try {
                    lifecycle.deploy(placed.target(), actor, PluginLifecycle.Mode.UPGRADE);
                } catch (RuntimeException e) {
                    placed.rollBack();
                    if (previousContent != null && previousContent.file().equals(placed.target())) {
                        lifecycle.directory().remember(previousContent);
                    } else {
                        lifecycle.directory().forget(placed.target());
                    }
                    if (placed.target().equals(slot.file()) && slot.live() == null) {
                        slot.file(null);
                    }
                    lifecycle.events().publish(CarrierEvent.failed(actor, CarrierAction.INSTALL, staged.target().getFileName().toString(),
                            e.getMessage()));
                    throw e;
                }
                placed.commit();
                if (previousFile != null && !previousFile.equals(placed.target())) {
                    lifecycle.directory().forget(previousFile);
                    deleteReplaced(previousFile, id, actor);
                }
                lifecycle.events().publish(CarrierEvent.ok(actor, CarrierAction.INSTALL, id + " " + staged.version() + " as "
                        + placed.target().getFileName()));
                return slot.view();
            } finally {
                slot.lifecycleLock().unlock();
            }
        }
    }

    /** Installs the zip at {@code zip} (anywhere) as {@link #install(byte[], String)} does; the source stays. */
    public CarrierView install(Path zip, String actor) {
        try {
            long limit = lifecycle.loader().limits().maxZipBytes();
            if (Files.size(zip) > limit) {
                throw StandardException.of(ErrorCode.TOO_LARGE, "zip is too large",
                        Files.size(zip) + " bytes, over the limit of " + limit + " (plugins.max_zip_bytes)");
            }
            return install(Files.readAllBytes(zip), actor);
        } catch (IOException e) {
            throw StandardException.of(ErrorCode.INVALID, "cannot read " + zip, e.toString());
        }
    }

    private void deleteReplaced(Path previousFile, String id, String actor) {
        try {
            Files.deleteIfExists(previousFile);
        } catch (IOException e) {
            lifecycle.events().publish(CarrierEvent.failed(actor, CarrierAction.DELETE_REPLACED, id + " " + previousFile.getFileName(), e.toString()));
        }
    }

    /** Runs {@code work} on carrier {@code id} under its lock, recording the outcome as {@code action}. */
    private CarrierView locked(String id, CarrierAction action, String actor, SlotWork work) {
        // A zip that never loaded is listed under its file name, which is no carrier id: it may be retried or removed.
        boolean failedZip = id != null && lifecycle.table().existing(id).map(CarrierOperations::isFailedZip).orElse(false);
        if (!failedZip && !CarrierId.valid(id)) {
            throw invalid(null, "invalid carrier id", CarrierId.refusal(id));
        }
        CarrierSlot slot = lifecycle.table().existing(id).orElseThrow(() ->
                new StandardException(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id)));
        long start = System.nanoTime();
        slot.lifecycleLock().lock();
        try {
            CarrierView view = work.apply(slot);
            lifecycle.events().publish(CarrierEvent.ok(actor, action, id).lasting(Duration.ofNanos(System.nanoTime() - start)));
            return view;
        } catch (StandardException e) {
            lifecycle.events().publish(CarrierEvent.failed(actor, action, id, e.getMessage())
                    .lasting(Duration.ofNanos(System.nanoTime() - start)));
            throw e;
        } finally {
            slot.lifecycleLock().unlock();
        }
    }

    /** Whether {@code slot} is a zip that never loaded, listed under the zip's file name. */
    private static boolean isFailedZip(CarrierSlot slot) {
        Path file = slot.file();
        return slot.live() == null && !slot.everServed() && file != null && slot.id().equals(file.getFileName().toString());
    }

    private static StandardException invalid(String id, String message, String cause) {
        return new StandardException(new StandardError(ErrorCode.INVALID, message, cause, id));
    }

    /** One operation on a locked slot. */
    @FunctionalInterface
    private interface SlotWork {
        CarrierView apply(CarrierSlot slot);
    }
}
