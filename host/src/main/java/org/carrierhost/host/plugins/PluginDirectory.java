package org.carrierhost.host.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;

/**
 * The drop-in directory as the lifecycle sees it: which zips are there, and which content (size and
 * SHA-256) was last deployed, or tried, from each, so that a file seen again with the same content is not
 * redeployed whatever its file time says.
 *
 * <p>Thread-safe: the per-file memory is a concurrent map; listing reads the directory afresh.
 */
final class PluginDirectory {

    private final Path dir;
    private final HostEvents events;
    private final ConcurrentMap<Path, PluginArchive> deployed = new ConcurrentHashMap<>();

    PluginDirectory(Path dir, HostEvents events) {
        this.dir = dir;
        this.events = events;
    }

    Path path() {
        return dir;
    }

    /** The {@code *.zip} files in the directory, sorted by name; hidden files are left out. */
    List<Path> zips() {
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

    /** Whether {@code archive} is the content last deployed or tried from its file. */
    boolean unchanged(PluginArchive archive) {
        return archive.equals(deployed.get(archive.file()));
    }

    /** Remembers {@code archive} as the content last deployed or tried from its file. */
    void remember(PluginArchive archive) {
        deployed.put(archive.file(), archive);
    }

    /** Forgets what was deployed from {@code zip}. */
    void forget(Path zip) {
        deployed.remove(zip);
    }

    /** The files something was deployed or tried from, sorted. */
    List<Path> remembered() {
        return deployed.keySet().stream().sorted().toList();
    }
}
