package org.carrierhost.host.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the HTTPS server's key and certificate are ({@code http.tls.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param keystore     {@code http.tls.keystore}
 * @param password     {@code http.tls.keystore_password}; a secret, never shown
 * @param keystoreType {@code http.tls.keystore_type}, {@code PKCS12} or {@code JKS}
 */
public record TlsSettings(Path keystore, String password, String keystoreType) {

    /** HTTPS when {@code http.tls.keystore} is set. */
    static Optional<TlsSettings> from(HostConfiguration values) {
        return values.optional(Settings.HTTP_TLS_KEYSTORE).map(keystore -> new TlsSettings(keystore,
                values.optional(Settings.HTTP_TLS_KEYSTORE_PASSWORD).orElse(""), values.get(Settings.HTTP_TLS_KEYSTORE_TYPE)));
    }

    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", password=" + Setting.MASK + ", keystoreType=" + keystoreType + "]";
    }
}
