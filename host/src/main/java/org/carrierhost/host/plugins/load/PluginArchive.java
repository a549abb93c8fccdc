package org.carrierhost.host.plugins.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A plugin zip as the operator gave it: its content hash, and a safe unpacking into a folder of the
 * host's own. The operator's file is only ever read.
 *
 * <p>Thread-safe: immutable; each method opens the file afresh.
 *
 * @param file   the zip
 * @param size   its size in bytes when inspected
 * @param sha256 the hex SHA-256 of its content
 */
public record PluginArchive(Path file, long size, String sha256) {

    /**
     * Reads {@code file} whole to learn its size and hash.
     *
     * @throws PluginLoadException when it cannot be read or is over the size limit
     */
    public static PluginArchive inspect(Path file, ArchiveLimits limits) throws PluginLoadException {
        try {
            long size = Files.size(file);
            if (size > limits.maxZipBytes()) {
                throw new PluginLoadException("zip is too large",
                        size + " bytes, over the limit of " + limits.maxZipBytes() + " (plugins.max_zip_bytes)");
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new PluginArchive(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new PluginLoadException("cannot read " + file.getFileName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Unpacks the zip into {@code target}, refusing entries that would land outside it (zip slip) and
     * archives over the limits (zip bombs). On failure nothing is left in {@code target}.
     */
    public void unpackTo(Path target, ArchiveLimits limits) throws PluginLoadException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new PluginLoadException("zip has too many entries",
                        zip.size() + ", over the limit of " + limits.maxEntries() + " (plugins.max_zip_entries)");
            }
            Files.createDirectories(root);
            long total = 0;
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                ZipNames.check(entry.getName(), file.getFileName().toString());
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw new PluginLoadException("zip entry escapes the plugin folder (zip slip)", entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                total += copyEntry(zip, entry, destination, limits, total);
            }
        } catch (ZipException e) {
            deleteQuietly(root);
            throw new PluginLoadException("not a readable zip", e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            deleteQuietly(root);
            throw new PluginLoadException("invalid entry name in " + file.getFileName(), e.getMessage());
        } catch (IOException e) {
            deleteQuietly(root);
            throw new PluginLoadException("cannot unpack " + file.getFileName(), e);
        } catch (PluginLoadException e) {
            deleteQuietly(root);
            throw e;
        }
    }

    private static long copyEntry(ZipFile zip, ZipEntry entry, Path destination, ArchiveLimits limits, long before)
            throws IOException, PluginLoadException {
        long written = 0;
        long compressed = Math.max(1, entry.getCompressedSize());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(destination)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (before + written > limits.maxUnpackedBytes()) {
                    throw new PluginLoadException("zip expands too far (zip bomb?)", "over "
                            + limits.maxUnpackedBytes() + " bytes unpacked (plugins.max_unpacked_bytes)");
                }
                if (written > 1_000_000 && written / compressed > limits.maxRatio()) {
                    throw new PluginLoadException("zip entry expands too far (zip bomb?)", entry.getName()
                            + " expands over " + limits.maxRatio() + ":1 (plugins.max_zip_ratio)");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    /**
     * The plugin id its {@code plugin.properties} names, read without unpacking, so a disabled carrier's
     * zip is not started; empty when there is no such entry or it names no id.
     */
    public java.util.Optional<String> declaredId() {
        return declaredIdOf(file);
    }

    /** The plugin id the zip {@code file} declares, read as {@link #declaredId()} reads it, without hashing the file. */
    public static java.util.Optional<String> declaredIdOf(Path file) {
        return declared(file, "plugin.id");
    }

    /** The plugin version its {@code plugin.properties} names, read without unpacking; empty when none. */
    public java.util.Optional<String> declaredVersion() {
        return declared(file, "plugin.version");
    }

    private static java.util.Optional<String> declared(Path file, String key) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("plugin.properties");
            if (entry == null || entry.getSize() > 64 * 1024) {
                return java.util.Optional.empty();
            }
            java.util.Properties properties = new java.util.Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            return java.util.Optional.ofNullable(properties.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Deletes {@code dir} and everything in it, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A file still held open (Windows) goes with the next clean-up.
                }
            });
        } catch (IOException ignored) {
            // Best effort: a leftover working folder is harmless and is replaced on the next load.
        }
    }
}
