package org.carrierhost.host.config;

import java.nio.file.Path;

/**
 * Where the HTTPS server's key and certificate are ({@code http.tls.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param keystore     {@code http.tls.keystore}
 * @param password     {@code http.tls.keystore_password}; a secret, never shown
 * @param keystoreType {@code http.tls.keystore_type}, for example {@code PKCS12} or {@code JKS}
 */
public record TlsSettings(Path keystore, String password, String keystoreType) {

    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", password=********, keystoreType=" + keystoreType + "]";
    }
}
