package org.carrierhost.host.plugins.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.carrierhost.api.CarrierExtension;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.ArchiveLimits;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.Loader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.load.Retirement;

/**
 * A {@link Loader} with no PF4J: a "plugin" is a zip holding only {@code plugin.properties}; loading it
 * makes a {@link FakeGeneration} at once, or fails for ids told to fail, or is refused for ids quarantined.
 */
final class FakeLoader implements Loader {

    final Set<String> failing = new HashSet<>();
    final Set<String> quarantined = new HashSet<>();
    final List<FakeGeneration> loaded = new ArrayList<>();

    /** Writes a plugin zip for {@code id} at {@code version} (no id at all when {@code id} is null). */
    static Path zip(Path file, String id, String version) {
        return zip(file, id, version, null);
    }

    /** As {@link #zip(Path, String, String)}, with a {@code note.txt} saying {@code note}: other content, same version. */
    static Path zip(Path file, String id, String version, String note) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            String properties = (id == null ? "" : "plugin.id=" + id + "\n") + "plugin.version=" + version + "\n";
            out.write(properties.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            if (note != null) {
                out.putNextEntry(new ZipEntry("note.txt"));
                out.write(note.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ArchiveLimits limits() {
        return ArchiveLimits.defaults();
    }

    @Override
    public PluginArchive inspect(Path zip) throws PluginLoadException {
        return PluginArchive.inspect(zip, limits());
    }

    @Override
    public Generation load(PluginArchive archive) throws PluginLoadException {
        String id = archive.declaredId().orElseThrow(() -> new PluginLoadException("no plugin descriptor", "no plugin.id"));
        if (quarantined.contains(id)) {
            throw new PluginLoadException(PluginFailure.quarantined("the host stopped while calling start() of " + id, null));
        }
        if (failing.contains(id)) {
            throw new PluginLoadException(id + " did not start", "told to fail");
        }
        FakeGeneration generation = new FakeGeneration(id, archive.declaredVersion().orElse("0"), archive);
        loaded.add(generation);
        return generation;
    }

    @Override
    public Optional<String> quarantined(String id) {
        return quarantined.contains(id) ? Optional.of("quarantined") : Optional.empty();
    }

    @Override
    public void quarantine(String id, String reason) {
        quarantined.add(id);
    }

    @Override
    public boolean lift(String id) {
        return quarantined.remove(id);
    }

    /** A generation that serves nothing but counts its calls and knows whether it was retired. */
    static final class FakeGeneration implements Generation {

        private final String id;
        private final String version;
        private final PluginArchive archive;
        private final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean retired;

        FakeGeneration(String id, String version, PluginArchive archive) {
            this.id = id;
            this.version = version;
            this.archive = archive;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public String description() {
            return "fake " + id;
        }

        @Override
        public String provider() {
            return "tests";
        }

        @Override
        public PluginArchive archive() {
            return archive;
        }

        @Override
        public boolean local() {
            return false;
        }

        @Override
        public boolean cnam() {
            return false;
        }

        @Override
        public ClassLoader classLoader() {
            return FakeLoader.class.getClassLoader();
        }

        @Override
        public CarrierExtension extension() {
            throw new UnsupportedOperationException("a fake generation is not called");
        }

        @Override
        public boolean enter() {
            if (retired) {
                return false;
            }
            inFlight.incrementAndGet();
            return true;
        }

        @Override
        public void leave() {
            inFlight.decrementAndGet();
        }

        @Override
        public int callsInFlight() {
            return inFlight.get();
        }

        @Override
        public Retirement retire(Duration drain) {
            retired = true;
            return Retirement.CLEAN;
        }
    }
}
