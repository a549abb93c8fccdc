package org.carrierhost.host.plugins.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads every class of an unpacked plugin, in its folder and in every jar (and jar nested in a jar), before
 * any of it is loaded, and refuses a plugin that could end the host: a call to {@code System.exit},
 * {@code Runtime.exit}, {@code Runtime.halt} or {@code Runtime.addShutdownHook}, directly, as a method handle,
 * or by reflection where the bytecode shows it (the method's name as a constant in a method that looks
 * methods up by name). The refusal names the class, the method and the jar.
 *
 * <p>On the way it applies the zip limits to the nested jars: entry names, entry count and expanded size
 * (summed over all jars), expansion ratio per jar, nesting depth, and the size of descriptors and
 * {@code extensions.idx}. Classes are only parsed by ASM, never defined, so nothing of the plugin runs.
 *
 * <p>Thread-safe: stateless; each screening keeps its own counters.
 */
public final class BytecodeScreen {

    /** How deep jars may nest: a jar in the plugin is depth 1, a jar inside it depth 2. */
    public static final int MAX_NESTING = 3;
    /** The largest {@code extensions.idx}, {@code plugin.properties} or {@code MANIFEST.MF} read. */
    public static final int MAX_DESCRIPTOR_BYTES = 1 << 20;
    /** The largest single class or nested jar held in memory while it is read. */
    private static final int MAX_HELD_BYTES = 64 << 20;

    private static final Set<String> DESCRIPTORS = Set.of("META-INF/extensions.idx", "plugin.properties",
            "META-INF/MANIFEST.MF");
    private static final Set<String> ENDING_NAMES = Set.of("exit", "halt", "addShutdownHook");

    private final ArchiveLimits limits;
    private final List<String> findings = new ArrayList<>();
    private long entries;
    private long expanded;

    private BytecodeScreen(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * Screens the plugin unpacked at {@code pluginDir}.
     *
     * @throws PluginLoadException naming the class and method that could end the host, or the limit broken
     */
    public static void screen(Path pluginDir, ArchiveLimits limits) throws PluginLoadException {
        BytecodeScreen screen = new BytecodeScreen(limits);
        List<Path> files;
        try (var walk = Files.walk(pluginDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot read the unpacked plugin", e);
        }
        for (Path file : files) {
            String name = pluginDir.relativize(file).toString().replace('\\', '/');
            try {
                if (DESCRIPTORS.contains(name) && Files.size(file) > MAX_DESCRIPTOR_BYTES) {
                    throw tooLargeDescriptor(name);
                }
                if (name.endsWith(".class")) {
                    screen.scanClass(Files.readAllBytes(file), name);
                } else if (isJar(name)) {
                    screen.scanJarFile(file, name);
                }
            } catch (IOException e) {
                throw new PluginLoadException("cannot read " + name + " in the plugin", e);
            }
        }
        if (!screen.findings.isEmpty()) {
            throw new PluginLoadException("plugin code may not end the host",
                    String.join("; ", screen.findings.subList(0, Math.min(3, screen.findings.size())))
                            + (screen.findings.size() > 3 ? " (and " + (screen.findings.size() - 3) + " more)" : ""));
        }
    }

    private static boolean isJar(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".zip");
    }

    private static PluginLoadException tooLargeDescriptor(String where) {
        return new PluginLoadException("descriptor is too large (zip bomb?)", where + " is over " + MAX_DESCRIPTOR_BYTES + " bytes");
    }

    /** A jar on disk, read by its central directory, as the class loader will read it. */
    private void scanJarFile(Path file, String where) throws PluginLoadException, IOException {
        long jarSize = Math.max(1, Files.size(file));
        long jarExpanded = 0;
        try (ZipFile jar = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                try (InputStream in = jar.getInputStream(entry)) {
                    jarExpanded += scanEntry(entry, in, where, 1, jarSize, jarExpanded);
                }
            }
        } catch (ZipException e) {
            throw new PluginLoadException("not a readable jar: " + where, e.getMessage());
        }
    }

    /** A jar inside a jar, read as a stream from memory. */
    private void scanNestedJar(byte[] bytes, String where, int depth) throws PluginLoadException, IOException {
        if (depth > MAX_NESTING) {
            throw new PluginLoadException("jars nest too deep", where + " is at depth " + depth
                    + ", over the limit of " + MAX_NESTING);
        }
        long jarExpanded = 0;
        try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                jarExpanded += scanEntry(entry, jar, where, depth, Math.max(1, bytes.length), jarExpanded);
            }
        } catch (ZipException e) {
            throw new PluginLoadException("not a readable jar: " + where, e.getMessage());
        }
    }

    /** Reads one entry within the limits, screening it if it is a class or a jar; returns its expanded size. */
    private long scanEntry(ZipEntry entry, InputStream in, String jarName, int depth, long jarSize, long jarBefore)
            throws PluginLoadException, IOException {
        String name = entry.getName();
        ZipNames.check(name, jarName);
        if (++entries > limits.maxEntries()) {
            throw new PluginLoadException("zip has too many entries", "over " + limits.maxEntries()
                    + " counting the entries of nested jars (plugins.max_zip_entries)");
        }
        if (entry.isDirectory()) {
            return 0;
        }
        String where = jarName + "!/" + name;
        boolean descriptor = DESCRIPTORS.contains(name);
        boolean hold = descriptor || name.endsWith(".class") || isJar(name);
        int holdLimit = descriptor ? MAX_DESCRIPTOR_BYTES : MAX_HELD_BYTES;
        ByteArrayOutputStream held = hold ? new ByteArrayOutputStream() : null;
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            expanded += n;
            if (expanded > limits.maxUnpackedBytes()) {
                throw new PluginLoadException("zip expands too far (zip bomb?)", "over " + limits.maxUnpackedBytes()
                        + " bytes counting nested jars, at " + where + " (plugins.max_unpacked_bytes)");
            }
            long jarExpanded = jarBefore + written;
            if (jarExpanded > 1_000_000 && jarExpanded / jarSize > limits.maxRatio()) {
                throw new PluginLoadException("jar expands too far (zip bomb?)", jarName + " expands over "
                        + limits.maxRatio() + ":1 at " + name + " (plugins.max_zip_ratio)");
            }
            if (held != null) {
                if (written > holdLimit) {
                    throw descriptor ? tooLargeDescriptor(where)
                            : new PluginLoadException("entry is too large to screen", where + " is over " + holdLimit + " bytes");
                }
                held.write(buffer, 0, n);
            }
        }
        if (name.endsWith(".class")) {
            scanClass(held.toByteArray(), where);
        } else if (isJar(name)) {
            scanNestedJar(held.toByteArray(), where, depth + 1);
        }
        return written;
    }

    private void scanClass(byte[] bytes, String where) throws PluginLoadException {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodScan(reader.getClassName().replace('/', '.') + "." + name + "()", where);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new PluginLoadException("unreadable class file " + where, TimeBox.describe(e));
        }
    }

    private static boolean ending(String owner, String name) {
        return owner.equals("java/lang/System") && name.equals("exit")
                || owner.equals("java/lang/Runtime") && ENDING_NAMES.contains(name);
    }

    /** Looks at one method's calls, method handles and constants. */
    private final class MethodScan extends MethodVisitor {

        private final String method;
        private final String where;
        private String endingName;
        private boolean looksUpByName;

        MethodScan(String method, String where) {
            super(Opcodes.ASM9);
            this.method = method;
            this.where = where;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (ending(owner, name)) {
                findings.add(method + " calls " + owner.replace('/', '.') + "." + name + " (in " + where + ")");
            }
            if (owner.equals("java/lang/Class") && name.startsWith("get") && name.contains("Method")
                    || owner.equals("java/lang/invoke/MethodHandles$Lookup") && name.startsWith("find")) {
                looksUpByName = true;
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String text && ENDING_NAMES.contains(text)) {
                endingName = text;
            } else if (value instanceof Handle handle) {
                handle(handle);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    handle(handle);
                }
            }
        }

        private void handle(Handle handle) {
            if (ending(handle.getOwner(), handle.getName())) {
                findings.add(method + " takes a method handle to " + handle.getOwner().replace('/', '.') + "."
                        + handle.getName() + " (in " + where + ")");
            }
        }

        @Override
        public void visitEnd() {
            if (endingName != null && looksUpByName) {
                findings.add(method + " looks up a method named \"" + endingName + "\" by reflection (in " + where + ")");
            }
        }
    }

}
