package org.carrierhost.host.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secret carrier settings kept in the database: AES-256-GCM under a key held in a file of the
 * data directory ({@value #FILE}, mode 0600), made on first use. Each value gets its own random 96-bit nonce
 * and is bound to where it belongs (carrier and key) as associated data, so a value copied to another row
 * does not decrypt. Every host of a cluster needs the same key file: copy it from the first host.
 *
 * <p>Thread-safe: immutable; each call makes its own {@link Cipher}.
 */
public final class SecretBox {

    /** The key file's name in the data directory. */
    public static final String FILE = "settings.key";
    /** What a stored ciphertext starts with, so a later scheme can be told apart. */
    static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKeySpec key;

    private SecretBox(Path file, byte[] key) {
        this.file = file;
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The key in {@code dataDir}'s {@value #FILE}, made (mode 0600) when there is none.
     *
     * @throws SecretKeyException naming the file when it cannot be read, made, or is not a key
     */
    public static SecretBox openOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new SecretKeyException(file + " is not a settings key (expected " + KEY_BYTES
                        + " bytes in base64); restore it from another host of this database");
            }
            if (key.length != KEY_BYTES) {
                throw new SecretKeyException(file + " is not a settings key (" + key.length + " bytes, expected "
                        + KEY_BYTES + "); restore it from another host of this database");
            }
            return new SecretBox(file, key);
        } catch (IOException e) {
            throw new SecretKeyException("cannot read or make the settings key " + file + ": " + e.getMessage());
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path temp = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(temp);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.write(temp, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.createLink(file, temp); // fails when another process made one meanwhile: theirs stands
        } catch (FileAlreadyExistsException e) {
            // Another host sharing this data directory won; read its key.
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The key file. */
    public Path file() {
        return file;
    }

    /** {@code plain} encrypted for {@code place} (where it is stored), as text for a column. */
    public String seal(String plain, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, place);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, all, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * The value {@link #seal} made for {@code place}.
     *
     * @throws SecretKeyException naming the key file when the value was sealed under another key, or is damaged
     */
    public String open(String sealed, String place) {
        if (!sealed.startsWith(PREFIX)) {
            throw new SecretKeyException("the stored secret " + place + " is not in a form this host reads");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length <= NONCE_BYTES) {
                throw new SecretKeyException("the stored secret " + place + " is damaged");
            }
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, place);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretKeyException("the stored secret " + place + " does not open with the settings key " + file
                    + "; every host of one database needs the same key file: copy it from the host that stored it");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String place) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** The settings key is missing, wrong or unreadable: the message names the file and what to do. */
    public static final class SecretKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SecretKeyException(String message) {
            super(message);
        }
    }
}
