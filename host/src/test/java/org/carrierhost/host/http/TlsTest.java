package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a keystore made by the JDK's keytool, called with the JDK's HttpClient. */
class TlsTest {

    private static final String PASSWORD = "changeit-tls-test";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path keys;

    @Test
    void servesTheApiOverHttpsWithTheConfiguredKeystore() throws Exception {
        Path keystore = keys.resolve("host.p12");
        keytool(keystore);
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("http.tls.keystore", keystore.toString(),
                "http.tls.keystore_password", PASSWORD, "http.tls.keystore_type", "PKCS12"))) {
            assertTrue(host.url().startsWith("https://127.0.0.1:"), host.url());
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

            HttpResponse<String> reply = https.send(HttpRequest.newBuilder(URI.create(host.url() + "api/carriers"))
                    .header("Authorization", "Bearer " + TestHosts.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode());
            assertTrue(reply.body().contains("\"id\":\"mock\""), reply.body());
            assertEquals("max-age=31536000", reply.headers().firstValue("Strict-Transport-Security").orElse(""));

            HttpResponse<String> missing = https.send(HttpRequest.newBuilder(URI.create(host.url() + "api/nowhere")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> malformed = https.send(HttpRequest.newBuilder(URI.create(host.url() + "api/health"))
                    .header("X-Big", "b".repeat(10_000)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(431, malformed.statusCode());
            for (HttpResponse<String> error : java.util.List.of(missing, malformed)) {
                assertTrue(error.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS on " + error.statusCode());
            }
        }
    }

    private static void keytool(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "host", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.size(keystore) > 0);
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
