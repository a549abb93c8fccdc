package org.carrierhost.host.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the HTTPS server's key and certificate are ({@code http.tls.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param keystore     {@code http.tls.keystore}
 * @param password     {@code http.tls.keystore_password}, when set; a secret, never shown
 * @param keystoreType {@code http.tls.keystore_type}, {@code PKCS12} or {@code JKS}
 * @param keyAlias     {@code http.tls.key_alias}, when set; unset, the keystore's only key
 */
public record TlsSettings(Path keystore, Optional<String> password, String keystoreType, Optional<String> keyAlias) {

    /** HTTPS when {@code http.tls.keystore} is set. */
    static Optional<TlsSettings> from(HostConfiguration values) {
        return values.optional(Settings.HTTP_TLS_KEYSTORE).map(keystore -> new TlsSettings(keystore,
                values.optional(Settings.HTTP_TLS_KEYSTORE_PASSWORD), values.get(Settings.HTTP_TLS_KEYSTORE_TYPE),
                values.optional(Settings.HTTP_TLS_KEY_ALIAS)));
    }

    /** The password, or the empty one when unset. */
    public String passwordOrEmpty() {
        return password.orElse("");
    }

    @Override
    public String toString() {
        return "TlsSettings[keystore=" + keystore + ", password=" + (password.isPresent() ? Setting.MASK : "unset")
                + ", keystoreType=" + keystoreType + ", keyAlias=" + keyAlias.orElse("unset") + "]";
    }
}
