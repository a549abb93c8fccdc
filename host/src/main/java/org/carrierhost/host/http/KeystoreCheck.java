package org.carrierhost.host.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.config.Settings;
import org.carrierhost.host.config.TlsSettings;

/**
 * Opens the keystore of {@code http.tls.*} as the HTTPS server will, and says what is wrong with it naming the
 * setting at fault: at start (before any plugin loads), and before a replaced keystore file is reloaded.
 *
 * <p>Thread-safe: stateless.
 */
public final class KeystoreCheck {

    /** A certificate that expires sooner than this is served with a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private KeystoreCheck() {
    }

    /**
     * Opens the keystore {@code http.tls.*} names as the HTTPS server will, and checks its password, the key to
     * serve and that key's certificate dates.
     *
     * @return warnings to log (a certificate that expires within {@link #EXPIRY_WARNING}); empty when all is well
     * @throws InvalidSettingException naming the key at fault and the reason
     */
    public static List<String> check(TlsSettings tls, Instant now) {
        Path file = tls.keystore().toAbsolutePath();
        String fileKey = Settings.HTTP_TLS_KEYSTORE.key();
        if (!Files.exists(file)) {
            throw new InvalidSettingException(fileKey, "no file at " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSettingException(fileKey, file + " is not a readable file");
        }
        KeyStore store = load(tls, file);
        String alias = keyAlias(tls, store, file);
        char[] password = tls.passwordOrEmpty().toCharArray();
        try {
            store.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
            throw new InvalidSettingException(Settings.HTTP_TLS_KEYSTORE_PASSWORD.key(), "opens the keystore " + file
                    + " but not its key '" + alias + "'; the key must have the keystore's password");
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException(fileKey, "cannot read key '" + alias + "' in " + file + ": " + e.getMessage());
        }
        Certificate certificate;
        try {
            certificate = store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException(fileKey, "cannot read the certificate of '" + alias + "': " + e.getMessage());
        }
        if (!(certificate instanceof X509Certificate x509)) {
            throw new InvalidSettingException(fileKey, "key '" + alias + "' in " + file + " has no X.509 certificate");
        }
        Instant notAfter = x509.getNotAfter().toInstant();
        Instant notBefore = x509.getNotBefore().toInstant();
        String subject = x509.getSubjectX500Principal().getName();
        if (!notAfter.isAfter(now)) {
            throw new InvalidSettingException(fileKey, "the certificate of key '" + alias + "' (" + subject + ") in " + file
                    + " expired at " + notAfter);
        }
        if (notBefore.isAfter(now)) {
            throw new InvalidSettingException(fileKey, "the certificate of key '" + alias + "' (" + subject + ") in " + file
                    + " is not valid before " + notBefore);
        }
        List<String> warnings = new ArrayList<>();
        if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            warnings.add(fileKey + ": the certificate of key '" + alias + "' (" + subject + ") expires at " + notAfter
                    + ", in " + Duration.between(now, notAfter).toHours() + " hours; replace the keystore file (it is"
                    + " reloaded without a restart)");
        }
        return warnings;
    }

    private static KeyStore load(TlsSettings tls, Path file) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(tls.keystoreType());
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException(Settings.HTTP_TLS_KEYSTORE_TYPE.key(), tls.keystoreType() + " is not available");
        }
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, tls.passwordOrEmpty().toCharArray());
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                String passwordKey = Settings.HTTP_TLS_KEYSTORE_PASSWORD.key();
                throw new InvalidSettingException(passwordKey, tls.password().isPresent()
                        ? "wrong password for the keystore " + file
                        : "not set, and the keystore " + file + " needs its password");
            }
            throw new InvalidSettingException(Settings.HTTP_TLS_KEYSTORE.key(), file + " is not a readable "
                    + tls.keystoreType() + " keystore (" + Settings.HTTP_TLS_KEYSTORE_TYPE.key() + "=" + tls.keystoreType()
                    + "): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException(Settings.HTTP_TLS_KEYSTORE.key(), file + " cannot be read: " + e.getMessage());
        }
    }

    /** The alias of the key to serve: {@code http.tls.key_alias}, or the keystore's only key. */
    private static String keyAlias(TlsSettings tls, KeyStore store, Path file) {
        List<String> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException(Settings.HTTP_TLS_KEYSTORE.key(), file + " cannot be listed: " + e.getMessage());
        }
        String aliasKey = Settings.HTTP_TLS_KEY_ALIAS.key();
        Optional<String> wanted = tls.keyAlias();
        if (wanted.isPresent()) {
            // Aliases are case-insensitive in PKCS12 and JKS alike; the keystore reports them in lower case.
            return keys.stream().filter(k -> k.equalsIgnoreCase(wanted.get())).findFirst()
                    .orElseThrow(() -> new InvalidSettingException(aliasKey, "no key '" + wanted.get() + "' in " + file
                            + (keys.isEmpty() ? ", which holds no key" : "; its keys: " + String.join(", ", keys))));
        }
        if (keys.isEmpty()) {
            throw new InvalidSettingException(Settings.HTTP_TLS_KEYSTORE.key(), file + " holds no private key to serve");
        }
        if (keys.size() > 1) {
            throw new InvalidSettingException(aliasKey, "not set, and " + file + " holds " + keys.size() + " keys ("
                    + String.join(", ", keys) + "); set it to the one to serve");
        }
        return keys.get(0);
    }
}
