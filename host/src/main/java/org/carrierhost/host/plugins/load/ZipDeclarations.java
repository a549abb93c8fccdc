package org.carrierhost.host.plugins.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.carrierhost.host.config.DeclaredSettings;

/**
 * The settings the plugin zips of a directory declare, read for {@code --help}: each zip is loaded in a folder of
 * its own under a temporary directory, asked for its declaration (its carrier is never started), and unloaded; the
 * temporary directory is deleted after. The operator's zips are only read.
 *
 * <p>Thread-safe: stateless.
 *
 * @param carriers what each zip that could be read declares, by plugin id
 * @param unread   each zip that could not be read, with why
 */
public record ZipDeclarations(List<DeclaredSettings> carriers, List<String> unread) {

    /** How long a plugin's constructor or start may take here. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    public ZipDeclarations {
        carriers = List.copyOf(carriers);
        unread = List.copyOf(unread);
    }

    /**
     * Reads the {@code *.zip} files of {@code dir}, in name order.
     *
     * @throws IOException when the directory, or a temporary one, cannot be used
     */
    public static ZipDeclarations read(Path dir) throws IOException {
        List<DeclaredSettings> carriers = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        Path work = Files.createTempDirectory("carrier-host-help");
        try {
            GenerationLoader loader = new GenerationLoader(work.resolve("plugins-work"), ArchiveLimits.defaults(), LIMIT, LIMIT,
                    (id, local) -> {
                        throw new IllegalStateException("no carrier starts for --help");
                    }, new CrashJournal(work));
            List<Path> zips;
            try (Stream<Path> files = Files.list(dir)) {
                zips = files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))
                        .filter(Files::isRegularFile).sorted().toList();
            }
            for (Path zip : zips) {
                try {
                    carriers.add(loader.declarations(loader.inspect(zip)));
                } catch (PluginLoadException e) {
                    unread.add(zip.getFileName() + ": " + e.failure().describe());
                }
            }
        } finally {
            PluginArchive.deleteQuietly(work);
        }
        return new ZipDeclarations(carriers, unread);
    }

    /** What {@code id} declares, if its zip was read. */
    public Optional<DeclaredSettings> of(String id) {
        return carriers.stream().filter(c -> c.carrierId().equals(id)).findFirst();
    }
}
