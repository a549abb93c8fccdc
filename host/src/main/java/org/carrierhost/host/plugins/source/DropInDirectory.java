package org.carrierhost.host.plugins.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;

/**
 * The operator's drop-in directory: which zips are there. The host reads it and never writes into it.
 *
 * <p>Thread-safe: immutable; listing reads the directory afresh.
 */
public final class DropInDirectory {

    private final Path dir;
    private final HostEvents events;

    /** The directory {@code dir}; a listing that fails is raised on {@code events}. */
    public DropInDirectory(Path dir, HostEvents events) {
        this.dir = dir;
        this.events = events;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /** Whether {@code zip} lies in this directory. */
    public boolean holds(Path zip) {
        return zip.toAbsolutePath().normalize().getParent().equals(dir.toAbsolutePath().normalize());
    }

    /** The {@code *.zip} files in the directory, sorted by name; hidden files are left out. */
    public List<Path> zips() {
        List<Path> zips = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return zips;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{zip,ZIP}")) {
            stream.forEach(p -> {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
                    zips.add(p);
                }
            });
        } catch (IOException e) {
            events.publish(CarrierEvent.failed("host", CarrierAction.SCAN, dir.toString(), e.toString()));
        }
        zips.sort(null);
        return zips;
    }
}
