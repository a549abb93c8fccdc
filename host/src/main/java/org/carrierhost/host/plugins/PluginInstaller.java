package org.carrierhost.host.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * Puts an uploaded zip into the install directory (the drop-in directory's counterpart for zips installed
 * through the API, see {@link PluginLifecycle#installDir()}) without a moment in which a half-written or wrongly
 * named file is there: it is written to a hidden temporary file in the same directory, checked, and moved
 * into place as {@code carrier-<id>-<version>.zip} in one atomic rename. A replaced file is kept aside
 * until the caller commits, so a failed install can put the directory back as it was.
 *
 * <p>Thread-safe: immutable; each install works on its own uniquely named files. Callers serialise
 * installs of one id with the carrier's lifecycle lock.
 */
final class PluginInstaller {

    private static final String SAFE_NAME = "[A-Za-z0-9._-]{1,100}";

    private final Path installDir;
    private final GenerationLoader loader;

    PluginInstaller(Path installDir, GenerationLoader loader) {
        this.installDir = installDir;
        this.loader = loader;
    }

    /**
     * Writes {@code zip} to a hidden temporary file (which the watcher ignores) and reads its id and version.
     *
     * @throws StandardException {@code invalid} when it is not a readable plugin zip naming an id and version
     */
    Staged stage(byte[] zip) {
        Path temp = installDir.resolve(".install-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(installDir);
            Files.write(temp, zip, StandardOpenOption.CREATE_NEW);
            PluginArchive archive = loader.inspect(temp);
            if (!StableFileCheck.opens(temp)) {
                throw StandardException.of(ErrorCode.INVALID, "not a readable zip", "its central directory cannot be read");
            }
            String id = archive.declaredId().orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                    "the zip names no plugin id", "an installed zip needs plugin.properties with plugin.id and plugin.version"));
            String version = archive.declaredVersion().orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                    "the zip names no plugin version", "an installed zip needs plugin.properties with plugin.version"));
            if (!CarrierId.valid(id)) {
                throw StandardException.of(ErrorCode.INVALID, "invalid plugin id", CarrierId.refusal(id));
            }
            if (!version.matches(SAFE_NAME)) {
                throw StandardException.of(ErrorCode.INVALID, "plugin version must be letters, digits, '.', '_' or '-'",
                        "got version " + CarrierId.quoted(version));
            }
            return new Staged(temp, id, version, installDir.resolve("carrier-" + id + "-" + version + ".zip"), archive.sha256());
        } catch (PluginLoadException e) {
            deleteQuietly(temp);
            throw StandardException.of(ErrorCode.INVALID, e.failure().message(), e.failure().cause());
        } catch (IOException e) {
            deleteQuietly(temp);
            throw diskFailure("write the zip into the install directory " + installDir, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** The host's own disk failed, not the client: {@code 503} naming the disk, never {@code 400}. */
    private static StandardException diskFailure(String what, IOException e) {
        boolean full = String.valueOf(e.getMessage()).contains("No space left on device");
        return StandardException.of(ErrorCode.CARRIER_UNAVAILABLE, (full ? "the disk is full" : "the disk failed")
                + ": cannot " + what, e.toString());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover hidden temporary file is ignored by the watcher and harmless.
        }
    }

    /**
     * An upload written and checked, not yet in place.
     *
     * @param temp   the hidden temporary file
     * @param id      the plugin id it declares
     * @param version the plugin version it declares
     * @param target where it goes: {@code carrier-<id>-<version>.zip} in the install directory
     * @param sha256  the hex SHA-256 of its content
     */
    record Staged(Path temp, String id, String version, Path target, String sha256) implements AutoCloseable {

        /** Moves the upload into place, keeping a copy of the file it replaces. */
        Placed place() {
            Path backup = null;
            try {
                if (Files.exists(target)) {
                    // A copy, not a move: the watcher must never see the serving zip disappear.
                    backup = temp.resolveSibling(temp.getFileName() + ".bak");
                    Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return new Placed(target, backup);
            } catch (IOException e) {
                if (backup != null) {
                    deleteQuietly(backup);
                }
                throw diskFailure("move the zip into the install directory " + target.getParent(), e);
            }
        }

        /** Deletes the temporary file if it was never placed. */
        @Override
        public void close() {
            deleteQuietly(temp);
        }
    }

    /**
     * An upload in place.
     *
     * @param target the installed zip
     * @param backup the file it replaced, kept aside; null when there was none
     */
    record Placed(Path target, Path backup) {

        /** The install stands: drops the kept copy. */
        void commit() {
            if (backup != null) {
                deleteQuietly(backup);
            }
        }

        /** The install failed: puts back the replaced file, or removes the new one if it replaced nothing. */
        void rollBack() {
            try {
                if (backup != null) {
                    Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(target);
                }
            } catch (IOException e) {
                throw StandardException.of(ErrorCode.INVALID, "the install failed and " + target.getFileName()
                        + " could not be put back", e.toString());
            }
        }
    }
}
