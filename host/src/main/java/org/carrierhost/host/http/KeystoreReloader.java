package org.carrierhost.host.http;

import java.time.Instant;

import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.config.TlsSettings;
import org.eclipse.jetty.util.ssl.KeyStoreScanner;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's {@link KeyStoreScanner}, which watches the keystore file and reloads the HTTPS server's key and
 * certificate when the file changes, so a certificate is replaced without a restart; here a changed file is
 * first checked as at start ({@link KeystoreCheck}), and one that fails is logged and not loaded, so the server
 * keeps serving the certificate it had. New connections get the new certificate; open ones keep theirs.
 *
 * <p>Thread-safe: Jetty's scanner calls {@link #reload} on its own thread, one call at a time.
 */
final class KeystoreReloader extends KeyStoreScanner {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoreReloader.class);

    private final TlsSettings tls;

    KeystoreReloader(SslContextFactory ssl, TlsSettings tls) {
        super(ssl);
        this.tls = tls;
    }

    @Override
    public void reload() {
        try {
            KeystoreCheck.check(tls, Instant.now()).forEach(LOG::warn);
        } catch (InvalidSettingException e) {
            LOG.warn("the keystore changed but is not loaded, the server keeps its certificate: {}", e.getMessage());
            return;
        }
        super.reload();
        LOG.info("reloaded the HTTPS key and certificate from {}", tls.keystore().toAbsolutePath());
    }
}
