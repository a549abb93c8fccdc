package org.carrierhost.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Plugin zips for the harnesses: the built ones, and copies of them under another plugin id, so one
 * carrier's classes can run as several carriers side by side.
 *
 * <p>Thread-safe: stateless.
 */
public final class PluginZips {

    private static final String HOSTILE_PATH = "org/carrierhost/plugins/faulty/hostile/";
    private static final String FAULTY_JAR = "lib/carrier-faulty-1.0.0.jar";

    private PluginZips() {
    }

    /** The built zip {@code fileName} from {@code target/bench-plugins} (or {@code -Dbench.plugins.dir}). */
    public static Path built(String fileName) {
        Path zip = Path.of(System.getProperty("bench.plugins.dir", "benchmarks/target/bench-plugins")).resolve(fileName);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip.toAbsolutePath() + " is missing: run ./mvnw -B -q package -DskipTests"
                    + " -pl benchmarks -am from the repository root, and the harness from there");
        }
        return zip;
    }

    /** {@code source} as plugin {@code id}, written to {@code dir} as {@code carrier-<id>-1.0.0.zip}. */
    public static Path withId(Path source, Path dir, String id) throws IOException {
        return rewrite(source, dir, id, Map.of());
    }

    /**
     * The built faulty carriers' zip as plugin {@code id} in {@code dir}, serving only
     * {@code org.carrierhost.plugins.faulty.<extensionClass>}: an extra jar's {@code META-INF/extensions.idx}
     * names that one class, and the hostile classes (which could end the host, so the host refuses a zip
     * holding them) are left out of the carrier's jar, as the host's tests build theirs.
     */
    public static Path faulty(Path dir, String id, String extensionClass) throws IOException {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(jar)) {
            out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
            out.write(("org.carrierhost.plugins.faulty." + extensionClass + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return rewrite(built("carrier-faulty-1.0.0.zip"), dir, id, Map.of("lib/extensions-" + id + ".jar", jar.toByteArray()),
                Map.of(FAULTY_JAR, name -> !name.startsWith(HOSTILE_PATH)));
    }

    private static Path rewrite(Path source, Path dir, String id, Map<String, byte[]> extra) throws IOException {
        return rewrite(source, dir, id, extra, Map.of());
    }

    private static Path rewrite(Path source, Path dir, String id, Map<String, byte[]> extra,
                                Map<String, Predicate<String>> jarFilters) throws IOException {
        Path target = dir.resolve("carrier-" + id + "-1.0.0.zip");
        try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    Predicate<String> keep = jarFilters.get(entry.getName());
                    if (keep != null) {
                        out.write(filterJar(data.readAllBytes(), keep));
                    } else if (entry.getName().equals("plugin.properties")) {
                        String text = new String(data.readAllBytes(), StandardCharsets.UTF_8);
                        out.write(text.replaceAll("(?m)^plugin.id=.*$", "plugin.id=" + id)
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    /** A copy of the jar {@code bytes} holding only the entries {@code keep} accepts. */
    private static byte[] filterJar(byte[] bytes, Predicate<String> keep) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes)); ZipOutputStream jar = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (keep.test(entry.getName())) {
                    jar.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }
}
