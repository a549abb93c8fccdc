package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * Whose a zip is, and what letting go of it means. A zip in the install directory is the host's own copy
 * of an upload (the database keeps the original): it is deleted. Any other zip is the operator's: a file
 * an operator gave us is never deleted by the host, so it is moved into a folder under the data directory
 * (for example {@code <data>/removed/}), where the operator can get it back.
 *
 * <p>Thread-safe: immutable; each move is one rename to a name of its own.
 */
public final class OperatorFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path installDir;
    private final Path removedDir;
    private final Clock clock;

    /**
     * @param installDir where the host keeps its copies of installed zips
     * @param removedDir where the operator's removed zips are kept, made when first needed
     */
    public OperatorFiles(Path installDir, Path removedDir) {
        this(installDir, removedDir, Clock.systemUTC());
    }

    OperatorFiles(Path installDir, Path removedDir, Clock clock) {
        this.installDir = installDir.toAbsolutePath().normalize();
        this.removedDir = removedDir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Where the host keeps its copies of installed zips. */
    public Path installDir() {
        return installDir;
    }

    /** Whether {@code zip} is the host's own copy of an installed zip. */
    public boolean installed(Path zip) {
        return zip.toAbsolutePath().normalize().startsWith(installDir);
    }

    /**
     * Lets go of {@code zip}: deletes the host's own copy, or moves the operator's zip into the removed
     * folder under its own name (or {@code <stem>-removed-<time>[-n].zip} when that name is taken there).
     *
     * @return where the operator's zip now is; empty for the host's own copy, or a zip already gone
     * @throws StandardException {@code invalid} when it cannot be deleted or moved; it then stays where it was
     */
    public Optional<Path> letGo(Path zip) {
        try {
            if (installed(zip)) {
                Files.deleteIfExists(zip);
                return Optional.empty();
            }
            if (!Files.exists(zip)) {
                return Optional.empty();
            }
            Files.createDirectories(removedDir);
            Path target = freeName(zip.getFileName().toString());
            try {
                return Optional.of(Files.move(zip, target, StandardCopyOption.ATOMIC_MOVE));
            } catch (AtomicMoveNotSupportedException e) {
                return Optional.of(Files.move(zip, target));
            }
        } catch (IOException e) {
            throw StandardException.of(ErrorCode.INVALID, "the carrier is unloaded but its zip " + zip.getFileName()
                    + " cannot be " + (installed(zip) ? "deleted" : "moved into " + removedDir), e.toString());
        }
    }

    private Path freeName(String name) {
        Path target = removedDir.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        int dot = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name.length() - 4 : name.length();
        String stem = name.substring(0, dot) + "-removed-" + STAMP.format(clock.instant());
        target = removedDir.resolve(stem + name.substring(dot));
        for (int n = 2; Files.exists(target); n++) {
            target = removedDir.resolve(stem + "-" + n + name.substring(dot));
        }
        return target;
    }
}
