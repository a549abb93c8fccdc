package org.carrierhost.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The real plugin zips the build made (mock and local), and variants of them built here: the mock carrier's classes under
 * another id or version, so tests can run several carriers side by side.
 */
public final class TestPlugins {

    private static final String FAULTY_PACKAGE = "org.carrierhost.plugins.faulty.";
    private static final String HOSTILE_PATH = "org/carrierhost/plugins/faulty/hostile/";
    private static final String FAULTY_JAR = "lib/carrier-faulty-1.0.0.jar";

    private TestPlugins() {
    }

    /** The mock carrier's zip as the build made it. */
    public static Path mockZip() {
        return builtZip("mock");
    }

    /** Carrier {@code id}'s zip as the build made it. */
    public static Path builtZip(String id) {
        Path zip = Path.of(System.getProperty("test.plugins.dir", "target/test-plugins")).resolve("carrier-" + id + "-1.0.0.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the build did not provide " + zip.toAbsolutePath());
        }
        return zip;
    }

    /** Copies the mock zip into {@code dir} as is. */
    public static Path copyMock(Path dir) throws IOException {
        return copyBuilt(dir, "mock");
    }

    /** Copies the local carrier's zip into {@code dir} as is. */
    public static Path copyLocal(Path dir) throws IOException {
        return copyBuilt(dir, "local");
    }

    /** Copies carrier {@code id}'s built zip into {@code dir} as is. */
    public static Path copyBuilt(Path dir, String id) throws IOException {
        Files.createDirectories(dir);
        Path zip = builtZip(id);
        return Files.copy(zip, dir.resolve(zip.getFileName().toString()));
    }

    /** The mock carrier's classes as plugin {@code id} at {@code version}, written to {@code dir}. */
    public static Path mockVariant(Path dir, String id, String version) throws IOException {
        return rewrite(mockZip(), dir.resolve("carrier-" + id + "-" + version + ".zip"), renamed(id, version));
    }

    /** The edit of a plugin.properties that makes it plugin {@code id} at {@code version}. */
    private static Map<String, UnaryOperator<String>> renamed(String id, String version) {
        return Map.of("plugin.properties", text -> text
                .replaceAll("(?m)^plugin.id=.*$", "plugin.id=" + id)
                .replaceAll("(?m)^plugin.version=.*$", "plugin.version=" + version));
    }

    /**
     * As {@link #mockVariant}, carrying {@code switches} (of the mock's self-test, such as {@code bad_credentials=true})
     * in its {@code mock-switches.properties}, which the mock reads under its section's settings.
     */
    public static Path mockWithSwitches(Path dir, String id, String version, String switches) throws IOException {
        return rewrite(mockZip(), dir.resolve("carrier-" + id + "-" + version + ".zip"), renamed(id, version),
                Map.of("classes/mock-switches.properties", switches.getBytes(StandardCharsets.UTF_8)));
    }

    /** Copies {@code source} to {@code target}, passing the named text entries through their edits. */
    public static Path rewrite(Path source, Path target, Map<String, UnaryOperator<String>> edits) throws IOException {
        return rewrite(source, target, edits, Map.of());
    }

    /** As {@link #rewrite(Path, Path, Map)}, adding the {@code extra} entries (name to content). */
    public static Path rewrite(Path source, Path target, Map<String, UnaryOperator<String>> edits,
                               Map<String, byte[]> extra) throws IOException {
        return rewrite(source, target, edits, extra, Map.of());
    }

    /** As {@link #rewrite(Path, Path, Map, Map)}, keeping of the named jar entries only those their filter accepts. */
    static Path rewrite(Path source, Path target, Map<String, UnaryOperator<String>> edits, Map<String, byte[]> extra,
                        Map<String, java.util.function.Predicate<String>> jarFilters) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    UnaryOperator<String> edit = edits.get(entry.getName());
                    java.util.function.Predicate<String> filter = jarFilters.get(entry.getName());
                    if (filter != null) {
                        out.write(filterJar(data.readAllBytes(), filter));
                    } else if (edit == null) {
                        data.transferTo(out);
                    } else {
                        out.write(edit.apply(new String(data.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
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
        return Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A plugin zip {@code carrier-<id>-1.0.0.zip} in {@code dir} built from the faulty carriers: its
     * plugin.properties names {@code pluginClass} (a class in {@code org.carrierhost.plugins.faulty}, or
     * null for none), and an extra jar's {@code META-INF/extensions.idx} names only {@code extensionClass}
     * (or nothing when null).
     */
    public static Path faulty(Path dir, String id, String extensionClass, String pluginClass) throws IOException {
        // The hostile carriers (which could end the host) are left out: each is zipped alone by hostile().
        return faulty(dir, id, extensionClass, pluginClass, name -> !name.startsWith(HOSTILE_PATH));
    }

    /**
     * A plugin zip {@code carrier-<id>-1.0.0.zip} in {@code dir} whose extension is the hostile carrier
     * {@code simpleName} (in {@code org.carrierhost.plugins.faulty.hostile}), with no other hostile class.
     */
    public static Path hostile(Path dir, String id, String simpleName) throws IOException {
        return faulty(dir, id, "hostile." + simpleName, null, onlyHostile(simpleName));
    }

    /**
     * Every faulty class but the hostile ones, except hostile {@code simpleName}: its class, its nested classes and
     * its resources named after it (the JNI carrier's {@code .so}).
     */
    private static java.util.function.Predicate<String> onlyHostile(String simpleName) {
        String own = HOSTILE_PATH + simpleName;
        return name -> !name.startsWith(HOSTILE_PATH) || name.startsWith(own + ".") || name.startsWith(own + "$");
    }

    /**
     * As {@link #hostile}, for {@code ClassFromResourceExitCarrier}: the bytes of the class {@code ExitPayload} (which
     * ends its process) travel beside it as the resource {@code ExitPayload.bin}, a name no bytecode screen reads.
     */
    public static Path hostileWithBinPayload(Path dir, String id) throws IOException {
        Path source = Path.of(System.getProperty("test.plugins.dir", "target/test-plugins")).resolve("carrier-faulty-1.0.0.zip");
        byte[] payload;
        try (ZipFile zip = new ZipFile(source.toFile());
             java.util.zip.ZipInputStream jar = new java.util.zip.ZipInputStream(zip.getInputStream(zip.getEntry(FAULTY_JAR)))) {
            payload = null;
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                if (entry.getName().equals(HOSTILE_PATH + "ExitPayload.class")) {
                    payload = jar.readAllBytes();
                }
            }
        }
        if (payload == null) {
            throw new IllegalStateException("the faulty jar has no ExitPayload class");
        }
        return faulty(dir, id, "hostile.ClassFromResourceExitCarrier", null, onlyHostile("ClassFromResourceExitCarrier"),
                Map.of(HOSTILE_PATH + "ExitPayload.bin", payload));
    }

    private static Path faulty(Path dir, String id, String extensionClass, String pluginClass,
                               java.util.function.Predicate<String> keepClass) throws IOException {
        return faulty(dir, id, extensionClass, pluginClass, keepClass, Map.of());
    }

    private static Path faulty(Path dir, String id, String extensionClass, String pluginClass,
                               java.util.function.Predicate<String> keepClass, Map<String, byte[]> resources) throws IOException {
        Path source = Path.of(System.getProperty("test.plugins.dir", "target/test-plugins")).resolve("carrier-faulty-1.0.0.zip");
        String index = extensionClass == null ? "" : FAULTY_PACKAGE + extensionClass + "\n";
        java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(jar)) {
            out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
            out.write(index.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                out.putNextEntry(new ZipEntry(resource.getKey()));
                out.write(resource.getValue());
                out.closeEntry();
            }
        }
        return rewrite(source, dir.resolve("carrier-" + id + "-1.0.0.zip"), Map.of("plugin.properties", text -> text
                        .replaceAll("(?m)^plugin.id=.*$", "plugin.id=" + java.util.regex.Matcher.quoteReplacement(id))
                        + (pluginClass == null ? "" : "plugin.class=" + FAULTY_PACKAGE + pluginClass + "\n")),
                Map.of("lib/extensions.jar", jar.toByteArray()), Map.of(FAULTY_JAR, keepClass));
    }

    /** A copy of the jar {@code bytes} holding only the entries {@code keep} accepts. */
    static byte[] filterJar(byte[] bytes, java.util.function.Predicate<String> keep) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes));
             ZipOutputStream jar = new ZipOutputStream(out)) {
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

    /** Writes a zip of {@code entries} (name to content) at {@code target}. */
    public static Path zipOf(Path target, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return target;
    }
}
