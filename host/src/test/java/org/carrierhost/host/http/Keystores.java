package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Keystores made by the JDK's own keytool, as docs/operating.md tells an operator to make one, and clients that trust them. */
public final class Keystores {

    public static final String PASSWORD = "changeit-tls-test";

    private Keystores() {
    }

    /** A PKCS12 keystore at {@code keystore} with a self-signed key for 127.0.0.1 under {@code alias}, valid 400 days from now. */
    public static Path make(Path keystore, String alias) throws Exception {
        return make(keystore, alias, "CN=127.0.0.1", null, 400);
    }

    /**
     * Adds a self-signed key under {@code alias} to the PKCS12 keystore at {@code keystore} (made if absent), with
     * {@code startDate} as keytool reads it ({@code -10d}: ten days ago; null: now) and {@code days} of validity.
     */
    public static Path make(Path keystore, String alias, String dname, String startDate, int days) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", String.valueOf(days),
                "-dname", dname, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
        return keystore;
    }

    /** The certificate under {@code alias}. */
    public static X509Certificate certificate(Path keystore, String alias) throws Exception {
        return (X509Certificate) load(keystore).getCertificate(alias);
    }

    /** A client context that trusts every certificate in {@code keystores}. */
    public static SSLContext trusting(Path... keystores) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int n = 0;
        for (Path keystore : keystores) {
            KeyStore store = load(keystore);
            for (String alias : java.util.Collections.list(store.aliases())) {
                trusted.setCertificateEntry("trusted-" + n++, store.getCertificate(alias));
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
