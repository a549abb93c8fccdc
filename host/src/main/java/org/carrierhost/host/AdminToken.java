package org.carrierhost.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin's token when {@code admin.token} is unset: generated on first start and kept in
 * {@code <data-dir>/admin.token}, readable by its owner only.
 *
 * <p>Thread-safe: stateless; creation is atomic (create-new), so two starts agree on one token.
 */
final class AdminToken {

    static final String FILE = "admin.token";

    private AdminToken() {
    }

    /** The token in {@code dataDir}, made if absent. */
    static String readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, token + System.lineSeparator(), StandardCharsets.UTF_8);
            return token;
        } catch (FileAlreadyExistsException raced) {
            return read(file);
        }
    }

    private static String read(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.length() < 16) {
            throw new IOException(file + " holds no usable token (at least 16 characters); delete it to have one made");
        }
        return token;
    }
}
