package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;

/**
 * Puts an uploaded zip into the install directory (the drop-in directory's counterpart for zips installed
 * through the API, where this host keeps the cluster's zips) without a moment in which a half-written or wrongly
 * named file is there: it is written to a hidden temporary file in the same directory, checked, and moved
 * into place as {@code carrier-<id>-<version>.zip} in one atomic rename. A replaced file is kept aside
 * until the caller commits, so a failed install can put the directory back as it was.
 *
 * <p>Thread-safe: immutable; each install works on its own uniquely named files. Callers serialise
 * installs of one id with the carrier's lifecycle lock.
 */
public final class PluginInstaller {

    private static final String SAFE_NAME = "[A-Za-z0-9._-]{1,100}";

    private final Path installDir;
    private final Loader loader;

    /** An installer into {@code installDir}, reading zips with {@code loader}. */
    public PluginInstaller(Path installDir, Loader loader) {
        this.installDir = installDir;
        this.loader = loader;
    }

    /**
     * Writes {@code zip} to a hidden temporary file (which the watcher ignores) and reads its id and version.
     *
     * @throws StandardException {@code invalid} when it is not a readable plugin zip naming an id and version
     */
    public StagedZip stage(byte[] zip) {
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
            return new StagedZip(temp, id, version, installDir.resolve("carrier-" + id + "-" + version + ".zip"), archive.sha256());
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
    static StandardException diskFailure(String what, IOException e) {
        boolean full = String.valueOf(e.getMessage()).contains("No space left on device");
        return StandardException.of(ErrorCode.CARRIER_UNAVAILABLE, (full ? "the disk is full" : "the disk failed")
                + ": cannot " + what, e.toString());
    }

    /**
     * Moves {@code staged} into place and runs {@code deploy}; when that throws, puts the install directory
     * and {@code files}' record of the target back as they were, and rethrows.
     */
    public void placeAndDeploy(StagedZip staged, ZipLedger files, Runnable deploy) {
        Optional<ZipRecord> before = files.record(staged.target());
        PlacedZip placed = staged.place();
        try {
            deploy.run();
        } catch (RuntimeException e) {
            placed.rollBack();
            files.restore(placed.target(), before.orElse(null));
            throw e;
        }
        placed.commit();
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover hidden temporary file is ignored by the watcher and harmless.
        }
    }
}
