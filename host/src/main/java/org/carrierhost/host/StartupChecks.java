package org.carrierhost.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.carrierhost.host.config.TlsSettings;
import org.carrierhost.host.http.KeystoreCheck;


/**
 * The checks a start makes before any plugin loads, each failing with a message that names what is wrong.
 *
 * <p>Thread-safe: stateless.
 */
final class StartupChecks {

    private StartupChecks() {
    }

    /**
     * Creates {@code dataDir} if needed and proves it writable by writing and deleting a file in it.
     *
     * @throws UncheckedIOException naming the directory when it cannot be written
     */
    static void dataDirWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException("data directory " + dataDir + " is not writable: " + e, e);
        }
    }

    /**
     * Checks the keystore of {@code http.tls.*}: the file, its password, the key to serve and its certificate's dates.
     *
     * @return warnings to log, such as a certificate that expires soon
     * @throws org.carrierhost.host.config.InvalidSettingException naming the key at fault and the reason
     */
    static List<String> tls(TlsSettings tls, Instant now) {
        return KeystoreCheck.check(tls, now);
    }
}
