package org.carrierhost.examples.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Upgrades the mock carrier as an operator does: a new version of its zip (here the shipped one with
 * {@code plugin.version} raised) moved over the old file in the drop-in directory in one step.
 *
 * <p>Thread-safe: stateless.
 */
final class MockUpgrade {

    private MockUpgrade() {
    }

    /** Replaces the mock zip in {@code plugins} with the same carrier at {@code version}. */
    static void replace(Path plugins, String version) throws IOException {
        Path current;
        try (Stream<Path> files = Files.list(plugins)) {
            current = files.filter(p -> p.getFileName().toString().startsWith("carrier-mock-")).findFirst()
                    .orElseThrow(() -> new IOException("no mock zip in " + plugins));
        }
        // A hidden name: the host's watcher leaves it alone until it is moved into place.
        Path next = plugins.resolve(".carrier-mock-" + version + ".zip");
        Files.copy(current, next, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + next.toUri()), Map.of())) {
            Path descriptor = zip.getPath("plugin.properties");
            String text = Files.readString(descriptor, StandardCharsets.UTF_8);
            Files.writeString(descriptor, text.replaceAll("(?m)^plugin.version=.*$", "plugin.version=" + version),
                    StandardCharsets.UTF_8);
        }
        Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
